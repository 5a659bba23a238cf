import { appsecretProof } from './appsecret-proof';
import { MetaGraphError, parseGraphError, TRANSPORT_ERROR_CODE } from './graph-error';
import { GraphUsage, parseUsageHeaders } from './graph-usage';

export interface GraphClientOptions {
  /** e.g. https://graph.facebook.com, or the sandbox's URL. */
  graphUrl: string;
  /** e.g. v25.0. */
  version: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
}

export type GraphParams = Record<string, string | number | boolean | undefined>;

export interface GraphRequest {
  /** The access token the call is made with; `appsecret_proof` is derived from it. */
  token?: string;
  params?: GraphParams;
  /** Sent as JSON; a FormData goes as multipart/form-data (file uploads). */
  body?: unknown;
}

export interface GraphResponse<T> {
  status: number;
  data: T;
  usage: GraphUsage;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Every Graph call goes through here: versioned base URL, the token and its `appsecret_proof`, usage
 * headers, and Meta's error body as a {@link MetaGraphError}.
 */
export class MetaGraphClient {
  private readonly base: string;

  constructor(
    private readonly options: GraphClientOptions,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
  ) {
    this.base = `${options.graphUrl.replace(/\/+$/, '')}/${options.version}`;
  }

  /** The app access token `{app-id}|{app-secret}`, for `debug_token` and app-level calls. */
  get appToken(): string {
    return `${this.options.appId}|${this.options.appSecret}`;
  }

  get appId(): string {
    return this.options.appId;
  }

  /** The URL of a path under the versioned base, with params; no token is ever put here by callers. */
  url(path: string, params: GraphParams = {}): URL {
    const url = new URL(`${this.base}/${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  get<T>(path: string, request: GraphRequest = {}): Promise<GraphResponse<T>> {
    return this.request<T>('GET', path, request);
  }

  post<T>(path: string, request: GraphRequest = {}): Promise<GraphResponse<T>> {
    return this.request<T>('POST', path, request);
  }

  delete<T>(path: string, request: GraphRequest = {}): Promise<GraphResponse<T>> {
    return this.request<T>('DELETE', path, request);
  }

  async request<T>(method: string, path: string, request: GraphRequest = {}): Promise<GraphResponse<T>> {
    const url = this.url(path, request.params);
    if (request.token !== undefined) {
      url.searchParams.set('access_token', request.token);
      url.searchParams.set('appsecret_proof', appsecretProof(this.options.appSecret, request.token));
    }
    const json = request.body !== undefined && !(request.body instanceof FormData);
    let response: Response;
    try {
      response = await this.fetchImpl(url.toString(), {
        method,
        headers: json ? { 'content-type': 'application/json' } : {},
        body: json ? JSON.stringify(request.body) : (request.body as FormData | undefined),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (e) {
      // The URL holds the token, so only the cause's name travels on.
      const reason = e instanceof Error ? e.name : 'Error';
      throw new MetaGraphError(0, TRANSPORT_ERROR_CODE, `Graph call ${method} ${path} failed: ${reason}`, {
        isTransient: true,
      });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : {};
    } catch {
      body = undefined;
    }
    if (!response.ok || body === undefined) throw parseGraphError(response.status, body);
    return { status: response.status, data: body as T, usage: parseUsageHeaders(response.headers) };
  }
}
