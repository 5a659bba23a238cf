import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  at: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  body: {
    object: string;
    entry: Array<{
      id: string;
      time: number;
      messaging?: Array<Record<string, unknown>>;
      standby?: Array<Record<string, unknown>>;
    }>;
  };
}

/** A real HTTP webhook endpoint that records raw bodies and answers with scripted statuses. */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  /** Statuses to answer, in order; after they run out, `defaultStatus`. */
  script: number[] = [];
  defaultStatus = 200;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (req.method === 'GET') {
          const url = new URL(req.url ?? '/', 'http://x');
          res.writeHead(200, { 'content-type': 'text/plain' }).end(url.searchParams.get('hub.challenge') ?? '');
          return;
        }
        this.received.push({
          at: Date.now(),
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          raw,
          body: JSON.parse(raw.toString('utf8')) as ReceivedDelivery['body'],
        });
        const status = this.script.shift() ?? this.defaultStatus;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'EVENT_RECEIVED' : 'nope');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/webhooks/meta`;
    return this;
  }

  /** Every messaging/standby item received so far, in arrival order. */
  items(): Array<Record<string, unknown> & { kind: 'messaging' | 'standby'; object: string; entryId: string }> {
    return this.received.flatMap((d) =>
      d.body.entry.flatMap((e) => [
        ...(e.messaging ?? []).map((item) => ({
          ...item,
          kind: 'messaging' as const,
          object: d.body.object,
          entryId: e.id,
        })),
        ...(e.standby ?? []).map((item) => ({
          ...item,
          kind: 'standby' as const,
          object: d.body.object,
          entryId: e.id,
        })),
      ]),
    );
  }

  clear(): void {
    this.received.length = 0;
    this.script = [];
    this.defaultStatus = 200;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 5000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) throw lastError instanceof Error ? lastError : new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
