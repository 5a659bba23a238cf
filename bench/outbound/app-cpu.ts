import { AppName, APP_NAMES } from '@app/dev-stack';
import { fetchMetrics, metricValue } from '../support/metrics';

export type CpuSeconds = ReadonlyMap<AppName, number>;

/** CPU seconds each app's process has used so far, from its /metrics. */
export async function appCpuSeconds(url: (app: AppName) => string): Promise<CpuSeconds> {
  const readings = await Promise.all(
    APP_NAMES.map(
      async (app) => [app, metricValue(await fetchMetrics(url(app)), 'process_cpu_seconds_total')] as const,
    ),
  );
  return new Map(readings);
}

/**
 * CPU milliseconds per message of each app that did work between the two readings, busiest first, and their
 * total: how much machine a message costs, whatever else shares the cores.
 */
export function cpuPerMessage(before: CpuSeconds, after: CpuSeconds, messages: number): string {
  const perApp = APP_NAMES.map((app) => [app, ((after.get(app)! - before.get(app)!) * 1000) / messages] as const)
    .filter(([, ms]) => ms >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  const total = perApp.reduce((sum, [, ms]) => sum + ms, 0);
  return `${perApp.map(([app, ms]) => `${app} ${ms.toFixed(1)}`).join(', ')} (total ${total.toFixed(1)} ms)`;
}
