import { DEFAULT_SLOWDOWN, Slowdown, SlowdownPolicy, slowdownFor, UsageReading } from './usage-headers';

export type SendChannel = 'messenger' | 'instagram';
/** Audio and video have their own, much lower Send API limit. */
export type SendKind = 'text' | 'media';

/** Calls per second per Page or Instagram account (meta-platform.md §7). */
export interface PacingLimits {
  /** Every send of an account: stay below the 40/s that takes a Page's inbox down (§7.3). */
  readonly accountPerSecond: number;
  readonly messengerText: number;
  readonly messengerMedia: number;
  readonly instagramText: number;
  readonly instagramMedia: number;
  /** Added to the one-second window, so network jitter cannot squeeze two windows' calls into one. */
  readonly windowMarginMs: number;
}

export const DEFAULT_PACING: PacingLimits = {
  accountPerSecond: 35,
  messengerText: 300,
  messengerMedia: 10,
  // The Instagram overview says 100/s where the rate-limit page says 300/s; the stricter figure wins.
  instagramText: 100,
  instagramMedia: 10,
  windowMarginMs: 50,
};

/**
 * The earliest time (≥ now) a call may start so that no window of `windowMs` holds more than `limit` calls,
 * given the start times of earlier calls in ascending order.
 */
export function earliestSlot(history: readonly number[], now: number, limit: number, windowMs: number): number {
  const capacity = Math.max(1, Math.floor(limit));
  if (history.length < capacity) return now;
  return Math.max(now, history[history.length - capacity] + windowMs);
}

export function limitFor(limits: PacingLimits, channel: SendChannel, kind: SendKind): number {
  const api =
    channel === 'messenger'
      ? kind === 'media'
        ? limits.messengerMedia
        : limits.messengerText
      : kind === 'media'
        ? limits.instagramMedia
        : limits.instagramText;
  return Math.min(api, limits.accountPerSecond);
}

interface AccountState {
  /** Start times of recent calls per kind, ascending. */
  readonly history: Record<SendKind | 'all', number[]>;
  slowdown: Slowdown;
}

/**
 * Per-account pacing: a sliding one-second window per send kind and for all sends, scaled down by what
 * the usage headers said. Kept in memory: one consumer owns an account's partition, so no other process
 * sends for that account at the same time.
 */
export class SendPacer {
  private readonly accounts = new Map<string, AccountState>();
  /** Nothing is sent before this: the window another replica may have filled before the accounts moved. */
  private coldUntil = 0;

  constructor(
    private readonly limits: PacingLimits = DEFAULT_PACING,
    private readonly slowdownPolicy: SlowdownPolicy = DEFAULT_SLOWDOWN,
  ) {}

  /** Books the next allowed start time for a call and returns it; the caller waits until then. */
  reserve(accountId: string, channel: SendChannel, kind: SendKind, now: number): number {
    const state = this.stateOf(accountId);
    const windowMs = 1000 + this.limits.windowMarginMs;
    const factor = state.slowdown.factor;
    const kindLimit = limitFor(this.limits, channel, kind) * factor;
    const allLimit = this.limits.accountPerSecond * factor;
    const start = Math.max(
      now,
      this.coldUntil,
      state.slowdown.pausedUntil,
      earliestSlot(state.history[kind], now, kindLimit, windowMs),
      earliestSlot(state.history.all, now, allLimit, windowMs),
    );
    for (const key of [kind, 'all'] as const) {
      const history = state.history[key];
      history.push(start);
      history.sort((a, b) => a - b);
      while (history.length > 0 && history[0] <= start - 2 * windowMs) history.shift();
    }
    return start;
  }

  /**
   * The consumer group handed out the accounts anew (a replica joined, left or started): another replica
   * may have sent for any of them until a moment ago, so no account sends again before a full window passed.
   */
  startOver(now: number): void {
    this.coldUntil = now + 1000 + this.limits.windowMarginMs;
  }

  /** Feeds the usage headers of an answer (or a throttling error) back into the pace. */
  observe(accountId: string, usage: UsageReading, now: number): void {
    this.stateOf(accountId).slowdown = slowdownFor(usage, now, this.slowdownPolicy);
  }

  slowdownOf(accountId: string): Slowdown {
    return this.stateOf(accountId).slowdown;
  }

  private stateOf(accountId: string): AccountState {
    let state = this.accounts.get(accountId);
    if (!state) {
      state = { history: { text: [], media: [], all: [] }, slowdown: { factor: 1, pausedUntil: 0 } };
      this.accounts.set(accountId, state);
    }
    return state;
  }
}
