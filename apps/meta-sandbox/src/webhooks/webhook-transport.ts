import { Injectable } from '@nestjs/common';

export interface TransportResult {
  status: number | null;
  error: string | null;
}

/** The HTTP side of webhooks: one POST of exact bytes, and the verification GET. */
export abstract class WebhookTransport {
  abstract post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<TransportResult>;
  abstract get(url: string, timeoutMs: number): Promise<TransportResult & { body: string }>;
}

@Injectable()
export class FetchWebhookTransport extends WebhookTransport {
  async post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<TransportResult> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      // Drain the body so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status, error: null };
    } catch (e) {
      return { status: null, error: describe(e, timeoutMs) };
    }
  }

  async get(url: string, timeoutMs: number): Promise<TransportResult & { body: string }> {
    try {
      const response = await fetch(url, {
        headers: { 'User-Agent': 'facebookplatform/1.0' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, error: null, body: await response.text() };
    } catch (e) {
      return { status: null, error: describe(e, timeoutMs), body: '' };
    }
  }
}

/** A short reason: the socket error code when there is one (errors may come from another realm, so no instanceof). */
function describe(e: unknown, timeoutMs: number): string {
  const err = (typeof e === 'object' && e !== null ? e : {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (err.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}
