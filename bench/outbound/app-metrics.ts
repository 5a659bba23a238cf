import { AppName, APP_NAMES } from '@app/dev-stack';
import { fetchMetrics, histogramMeanMs, metricValue } from '../support/metrics';

/** Every app's /metrics text at one moment. */
export type AppMetrics = ReadonlyMap<AppName, string>;

export async function readAppMetrics(url: (app: AppName) => string): Promise<AppMetrics> {
  return new Map(await Promise.all(APP_NAMES.map(async (app) => [app, await fetchMetrics(url(app))] as const)));
}

/**
 * CPU milliseconds per message of each app that did work between the two readings, busiest first, and their
 * total: how much machine a message costs, whatever else shares the cores.
 */
export function cpuPerMessage(before: AppMetrics, after: AppMetrics, messages: number): string {
  const cpu = (metrics: AppMetrics, app: AppName) => metricValue(metrics.get(app)!, 'process_cpu_seconds_total');
  const perApp = APP_NAMES.map((app) => [app, ((cpu(after, app) - cpu(before, app)) * 1000) / messages] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  const total = perApp.reduce((sum, [, ms]) => sum + ms, 0);
  return `${perApp.map(([app, ms]) => `${app} ${ms.toFixed(1)}`).join(', ')} (total ${total.toFixed(1)} ms)`;
}

/** Mean time an app took to answer a route between the two readings. */
export function meanRequestMs(
  before: AppMetrics,
  after: AppMetrics,
  app: AppName,
  request: { method: string; route: string },
): number {
  return histogramMeanMs(after.get(app)!, 'http_request_duration_seconds', request, before.get(app));
}
