import { Injectable } from '@nestjs/common';

export interface TransportResult {
  status: number | null;
  error: string | null;
}

/** The HTTP side of webhook delivery: one POST of exact bytes. */
export abstract class WebhookTransport {
  abstract post(
    url: string,
    body: string,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<TransportResult>;
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
      const error =
        e instanceof Error ? (e.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : describe(e)) : String(e);
      return { status: null, error };
    }
  }
}

function describe(e: Error): string {
  const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? e.message;
}
