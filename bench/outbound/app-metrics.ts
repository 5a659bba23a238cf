import { AppName, APP_NAMES } from '@app/dev-stack';
import { fetchMetrics, histogramMeanMs } from '../support/metrics';

/** Every app's /metrics text at one moment. */
export type AppMetrics = ReadonlyMap<AppName, string>;

export async function readAppMetrics(url: (app: AppName) => string): Promise<AppMetrics> {
  return new Map(await Promise.all(APP_NAMES.map(async (app) => [app, await fetchMetrics(url(app))] as const)));
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
