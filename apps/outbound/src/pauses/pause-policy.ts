/** How long a restricted account rests before one message may try again (meta-platform.md §6.3, §14). */
export interface PausePolicy {
  /** The first pause. */
  readonly baseMs: number;
  /** No pause is longer. */
  readonly maxMs: number;
}

export const DEFAULT_PAUSE_POLICY: PausePolicy = { baseMs: 15 * 60_000, maxMs: 24 * 3_600_000 };

/**
 * A circuit breaker per account: the n-th restriction in a row pauses for base·2^(n-1), capped. When the
 * pause ends, the next message is the probe: sent, it closes the breaker; restricted again, it reopens
 * it for longer.
 */
export function pauseDurationMs(strikes: number, policy: PausePolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(strikes, 31) - 1));
}

export function isPaused<P extends { pausedUntil: Date }>(pause: P | null, now: Date): pause is P {
  return pause !== null && pause.pausedUntil.getTime() > now.getTime();
}
