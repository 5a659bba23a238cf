export interface HistogramTotals {
  /** Sum of the observations, in the metric's unit (seconds for durations). */
  sum: number;
  count: number;
}

/** Sum and count of a Prometheus histogram over the series whose labels include every given label. */
export function histogramTotals(metrics: string, name: string, labels: Record<string, string>): HistogramTotals {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const total = (suffix: 'sum' | 'count') =>
    metrics
      .split('\n')
      .filter((line) => line.startsWith(`${name}_${suffix}{`))
      .filter((line) => wanted.every((label) => line.slice(0, line.lastIndexOf('}')).includes(label)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  return { sum: total('sum'), count: total('count') };
}

/** Mean of a histogram of seconds in milliseconds (between two readings when `since` is given); NaN without observations. */
export function histogramMeanMs(metrics: string, name: string, labels: Record<string, string>, since = ''): number {
  const now = histogramTotals(metrics, name, labels);
  const then = histogramTotals(since, name, labels);
  const count = now.count - then.count;
  return count > 0 ? ((now.sum - then.sum) / count) * 1000 : NaN;
}

export async function fetchMetrics(baseUrl: string): Promise<string> {
  return (await fetch(`${baseUrl}/metrics`)).text();
}
