/**
 * Graph's usage headers (meta-platform.md §7.4): percentages of a limit used so far, and for Business
 * Use Case limits the minutes until a throttled account regains access.
 */
export interface UsageReading {
  /** Highest share of any limit used, 0–100. */
  readonly percent: number;
  /** Until access returns after throttling; 0 when not throttled. */
  readonly regainAccessInMs: number;
}

export const NO_USAGE: UsageReading = { percent: 0, regainAccessInMs: 0 };

type HeaderReader = (name: string) => string | null | undefined;

function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

function percentOf(usage: unknown): number {
  if (typeof usage !== 'object' || usage === null) return 0;
  const u = usage as Record<string, unknown>;
  return Math.max(num(u.call_count), num(u.total_time), num(u.total_cputime));
}

/** Reads `X-App-Usage`, `X-Page-Usage` and the account's entries of `X-Business-Use-Case-Usage`. */
export function readUsageHeaders(header: HeaderReader, accountId: string): UsageReading {
  let percent = Math.max(percentOf(parseJson(header('x-app-usage'))), percentOf(parseJson(header('x-page-usage'))));
  let regainMinutes = 0;
  const buc = parseJson(header('x-business-use-case-usage'));
  if (typeof buc === 'object' && buc !== null) {
    const entries = (buc as Record<string, unknown>)[accountId];
    for (const entry of Array.isArray(entries) ? entries : []) {
      percent = Math.max(percent, percentOf(entry));
      regainMinutes = Math.max(regainMinutes, num((entry as Record<string, unknown>).estimated_time_to_regain_access));
    }
  }
  return { percent: Math.min(100, Math.max(0, percent)), regainAccessInMs: regainMinutes * 60_000 };
}

export interface SlowdownPolicy {
  /** From this share of a limit on, the pace drops linearly. */
  readonly slowFromPercent: number;
  /** The lowest share of the normal pace while slowing down. */
  readonly minimumFactor: number;
  /** Pause when a limit is used up but Meta names no regain time. */
  readonly exhaustedPauseMs: number;
}

export const DEFAULT_SLOWDOWN: SlowdownPolicy = { slowFromPercent: 75, minimumFactor: 0.1, exhaustedPauseMs: 60_000 };

export interface Slowdown {
  /** Share of the configured pace to use, (0, 1]. */
  readonly factor: number;
  /** No call before this time (epoch ms); 0 for no pause. */
  readonly pausedUntil: number;
}

/** Slows an account down before Meta refuses: continuing to call while throttled extends the penalty. */
export function slowdownFor(usage: UsageReading, now: number, policy: SlowdownPolicy = DEFAULT_SLOWDOWN): Slowdown {
  if (usage.regainAccessInMs > 0) return { factor: policy.minimumFactor, pausedUntil: now + usage.regainAccessInMs };
  if (usage.percent >= 100) return { factor: policy.minimumFactor, pausedUntil: now + policy.exhaustedPauseMs };
  if (usage.percent < policy.slowFromPercent) return { factor: 1, pausedUntil: 0 };
  const remaining = (100 - usage.percent) / (100 - policy.slowFromPercent);
  return { factor: Math.max(policy.minimumFactor, remaining), pausedUntil: 0 };
}
