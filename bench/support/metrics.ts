/**
 * Mean of a Prometheus histogram in milliseconds, from an app's /metrics text: the series whose labels
 * include every given label, summed. NaN when no such series has observations.
 */
export function histogramMeanMs(metrics: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const total = (suffix: 'sum' | 'count') =>
    metrics
      .split('\n')
      .filter((line) => line.startsWith(`${name}_${suffix}{`))
      .filter((line) => wanted.every((label) => line.slice(0, line.lastIndexOf('}')).includes(label)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  const count = total('count');
  return count > 0 ? (total('sum') / count) * 1000 : NaN;
}

/** Sum of the samples of a counter or gauge whose labels include every given label; NaN when there is none. */
export function metricValue(metrics: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const samples = metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`))
    .filter((line) => wanted.every((label) => line.slice(0, line.lastIndexOf(' ')).includes(label)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  return samples.length > 0 ? samples.reduce((sum, value) => sum + value, 0) : NaN;
}

export async function fetchMetrics(baseUrl: string): Promise<string> {
  return (await fetch(`${baseUrl}/metrics`)).text();
}
