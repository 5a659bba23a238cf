/** Thrown by a handler when the failure is worth retrying (a dependency is down, a timeout). */
export class RetriableError extends Error {
  readonly retriable = true;
  /** The earliest the record may be tried again (e.g. a rate limit's regain time); the policy's delay otherwise. */
  readonly retryAfterMs: number;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number }) {
    super(message, options);
    this.name = 'RetriableError';
    this.retryAfterMs = options?.retryAfterMs ?? 0;
  }
}

/** How long a failure asked to wait before the next attempt; 0 when it did not say. */
export function retryAfterOf(error: unknown): number {
  return error instanceof RetriableError ? error.retryAfterMs : 0;
}

/** Thrown by a handler when the record can never succeed; it goes to the dead-letter topic at once. */
export class PoisonRecordError extends Error {
  readonly retriable = false;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoisonRecordError';
  }
}

export type FailureKind = 'transient' | 'permanent' | 'unknown';

/** Errors that say whether they are retriable (domain errors, kafkajs errors) are believed; others are unknown. */
export function classifyFailure(error: unknown): FailureKind {
  if (typeof error === 'object' && error !== null && 'retriable' in error && typeof error.retriable === 'boolean') {
    return error.retriable ? 'transient' : 'permanent';
  }
  return 'unknown';
}

export interface RetryPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly multiplier: number;
  /** Attempts for a failure of unknown kind before its record is dead-lettered (a bug must not block a partition forever). */
  readonly maxUnknownAttempts: number;
  /** Attempts for a transient failure; by default unbounded, since the record itself is fine. */
  readonly maxTransientAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 200,
  maxDelayMs: 30_000,
  multiplier: 2,
  maxUnknownAttempts: 5,
  maxTransientAttempts: Number.POSITIVE_INFINITY,
};

export type FailureDecision =
  { readonly action: 'retry'; readonly delayMs: number } | { readonly action: 'dead-letter' };

/** What to do after attempt number `attempt` (1-based) failed with a failure of `kind`. */
export function decideFailure(
  kind: FailureKind,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): FailureDecision {
  const limit =
    kind === 'permanent' ? 1 : kind === 'transient' ? policy.maxTransientAttempts : policy.maxUnknownAttempts;
  if (attempt >= limit) return { action: 'dead-letter' };
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
  return { action: 'retry', delayMs };
}
