export interface WindowRule {
  limit: number;
  windowMs: number;
}

/** A fixed window that opens with the first call: exact counts, no smoothing. */
export interface WindowState {
  start: number;
  count: number;
}

export interface Consumption {
  allowed: boolean;
  state: WindowState;
  /** Share of the limit used in the current window, as Meta reports it in usage headers (0–100). */
  usagePercent: number;
  /** Until the window resets; 0 while calls are still allowed. */
  retryAfterMs: number;
}

/** Counts one call against a rule. A refused call is not counted (the window does not grow). */
export function consume(state: WindowState | undefined, rule: WindowRule, now: number): Consumption {
  const current = state === undefined || now >= state.start + rule.windowMs ? { start: now, count: 0 } : state;
  if (current.count >= rule.limit) {
    return { allowed: false, state: current, usagePercent: 100, retryAfterMs: current.start + rule.windowMs - now };
  }
  const next = { start: current.start, count: current.count + 1 };
  return { allowed: true, state: next, usagePercent: usagePercent(next.count, rule.limit), retryAfterMs: 0 };
}

/** Usage without consuming. */
export function peek(state: WindowState | undefined, rule: WindowRule, now: number): number {
  if (state === undefined || now >= state.start + rule.windowMs) return 0;
  return usagePercent(state.count, rule.limit);
}

function usagePercent(count: number, limit: number): number {
  return limit <= 0 ? 100 : Math.min(100, Math.floor((count * 100) / limit));
}
