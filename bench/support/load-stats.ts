export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Nearest-rank percentile of ascending values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarize(latencies: readonly number[], failed: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    requests,
    ok: requests - failed,
    failed,
    seconds,
    perSecond: (requests - failed) / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

/**
 * Items per second from `startedAt` until the last of them completed (all times in ms). Counting to the last
 * completion, not to the end of the load, charges a backlog that drains after the load stopped.
 */
export function completionRate(startedAt: number, completedAt: readonly number[]): number {
  if (completedAt.length === 0) return 0;
  const last = completedAt.reduce((latest, at) => Math.max(latest, at), -Infinity);
  return last > startedAt ? (completedAt.length * 1000) / (last - startedAt) : NaN;
}

/** Mean time between consecutive events (ms), in whatever order they are given; NaN with fewer than two. */
export function meanIntervalMs(times: readonly number[]): number {
  if (times.length < 2) return NaN;
  const first = times.reduce((earliest, at) => Math.min(earliest, at), Infinity);
  const last = times.reduce((latest, at) => Math.max(latest, at), -Infinity);
  return (last - first) / (times.length - 1);
}
