/** One Business Use Case usage entry of `X-Business-Use-Case-Usage` (meta-platform.md §7.4). */
export interface BusinessUseCaseUsage {
  type: string;
  callCount: number;
  totalCputime: number;
  totalTime: number;
  /** Minutes; 0 when not throttled. */
  estimatedTimeToRegainAccess: number;
}

export interface PercentUsage {
  callCount: number;
  totalCputime: number;
  totalTime: number;
}

export interface GraphUsage {
  app?: PercentUsage;
  page?: PercentUsage;
  /** Per business object id (a Page, an Instagram account). */
  businessUseCase: Record<string, BusinessUseCaseUsage[]>;
}

type HeaderReader = { get(name: string): string | null };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function json(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function percent(value: unknown): PercentUsage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  return { callCount: num(v.call_count), totalCputime: num(v.total_cputime), totalTime: num(v.total_time) };
}

/** Reads Graph's usage headers; malformed headers count as absent rather than failing the call. */
export function parseUsageHeaders(headers: HeaderReader): GraphUsage {
  const usage: GraphUsage = { businessUseCase: {} };
  const app = percent(json(headers.get('x-app-usage')));
  const page = percent(json(headers.get('x-page-usage')));
  if (app) usage.app = app;
  if (page) usage.page = page;
  const buc = json(headers.get('x-business-use-case-usage'));
  if (typeof buc === 'object' && buc !== null) {
    for (const [id, entries] of Object.entries(buc as Record<string, unknown>)) {
      if (!Array.isArray(entries)) continue;
      usage.businessUseCase[id] = entries
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => ({
          type: typeof e.type === 'string' ? e.type : 'unknown',
          callCount: num(e.call_count),
          totalCputime: num(e.total_cputime),
          totalTime: num(e.total_time),
          estimatedTimeToRegainAccess: num(e.estimated_time_to_regain_access),
        }));
    }
  }
  return usage;
}
