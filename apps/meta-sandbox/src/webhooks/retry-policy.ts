export interface RetryPolicy {
  /** Retries Meta makes "immediately" after a failure, each after `immediateDelayMs`. */
  immediateRetries: number;
  immediateDelayMs: number;
  /** After the immediate ones, delays double from this value ("decreasing frequency"), capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A delivery still failing this long after its first attempt is dropped (Meta: 36 hours). */
  horizonMs: number;
}

export const META_RETRY_POLICY: RetryPolicy = {
  immediateRetries: 3,
  immediateDelayMs: 1_000,
  baseDelayMs: 15_000,
  maxDelayMs: 60 * 60 * 1000,
  horizonMs: 36 * 60 * 60 * 1000,
};

/**
 * When to try a failed delivery again, or null to drop it (meta-platform.md §1.5).
 * `failures` counts failed attempts so far (≥ 1); `firstAttemptAt` and `now` are epoch ms.
 */
export function nextAttemptAt(
  failures: number,
  firstAttemptAt: number,
  now: number,
  policy: RetryPolicy,
): number | null {
  const delay =
    failures <= policy.immediateRetries
      ? policy.immediateDelayMs
      : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - policy.immediateRetries - 1));
  const at = now + delay;
  return at - firstAttemptAt > policy.horizonMs ? null : at;
}
