import { SendFailureClass } from './meta-error-classification';

export interface BackoffPolicy {
  /** Attempts in all, the first included; exhausted retries fail with the last error. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Throttling errors start from this delay instead: calling while throttled extends the penalty. */
  readonly slowBaseDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60 * 1000,
  slowBaseDelayMs: 5000,
};

export type RetryDecision = { readonly action: 'retry'; readonly delayMs: number } | { readonly action: 'fail' };

/**
 * Exponential backoff with "equal jitter": half the exponential delay is fixed, half random, so retries of
 * many messages spread out but none retries sooner than half its step. `random` is in [0, 1).
 */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/**
 * After `attempt` failed with `failure`: retry after a delay, or fail for good. A throttled account's own
 * regain time (usage headers) wins over a shorter backoff.
 */
export function decideRetry(
  failure: SendFailureClass,
  attempt: number,
  policy: BackoffPolicy,
  random: number,
  regainAccessInMs = 0,
): RetryDecision {
  if (failure.kind !== 'retry' || attempt >= policy.maxAttempts) return { action: 'fail' };
  const base = failure.pace === 'slow' ? policy.slowBaseDelayMs : policy.baseDelayMs;
  const delayMs = Math.max(backoffDelayMs(attempt, base, policy.maxDelayMs, random), regainAccessInMs);
  return { action: 'retry', delayMs };
}
