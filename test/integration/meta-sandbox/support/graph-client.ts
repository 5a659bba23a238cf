/** Minimal HTTP helpers for Graph and sandbox calls in tests. */
export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface MetaErrorBody {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    is_transient?: boolean;
    fbtrace_id: string;
  };
}

export async function http<T = Record<string, unknown>>(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
}

export class GraphClient {
  constructor(
    readonly base: string,
    readonly version = 'v25.0',
  ) {}

  url(path: string, params: Record<string, string> = {}): string {
    const url = new URL(`${this.base}/${this.version}/${path.replace(/^\//, '')}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  }

  get<T = Record<string, unknown>>(path: string, params: Record<string, string> = {}) {
    return http<T>('GET', this.url(path, params));
  }

  post<T = Record<string, unknown>>(path: string, body: unknown, params: Record<string, string> = {}) {
    return http<T>('POST', this.url(path, params), body);
  }

  delete<T = Record<string, unknown>>(path: string, params: Record<string, string> = {}) {
    return http<T>('DELETE', this.url(path, params));
  }
}

/** A loose reader type for JSON answers in tests: any key, any depth. */
export interface Json {
  [key: string]: Json;
}
export const num = (v: Json | undefined): number => v as unknown as number;
export const str = (v: Json | undefined): string => v as unknown as string;
export const arr = (v: Json | undefined): Json[] => v as unknown as Json[];
