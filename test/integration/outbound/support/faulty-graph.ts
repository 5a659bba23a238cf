import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** Meta's error object, as a 5xx may carry it. */
export interface GraphErrorBody {
  code: number;
  subcode?: number;
  isTransient?: boolean;
}

/**
 * What becomes of one Send API call during a storm:
 * - `refuse`: Meta answers the error without sending anything;
 * - `lose-answer`: Meta sends the message, but the caller gets the error instead of Meta's answer;
 * - `reset`: Meta sends the message, and the connection drops before its answer;
 * - `hang`: Meta sends the message, and its answer never comes (the caller is stuck until it gives up or dies).
 */
export type SendFault =
  | { kind: 'refuse'; status: number; error?: GraphErrorBody }
  | { kind: 'lose-answer'; status: number; error?: GraphErrorBody }
  | { kind: 'reset' }
  | { kind: 'hang' };

export interface InjectedFault {
  fault: SendFault;
  /** The message's `metadata` (Parley's id), so a test can tell which messages met which fault. */
  metadata: string | null;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/**
 * The network between outbound and the Meta sandbox, with faults on demand: Send API calls (`POST …/messages`)
 * meet the scripted faults in turn, everything else passes through unchanged.
 */
export class FaultyGraph {
  readonly injected: InjectedFault[] = [];
  /** Send API calls seen, faulty or not. */
  sendCalls = 0;
  /** The codes of Meta's own errors to the Send API calls that passed through, e.g. 613 when its counter refused. */
  readonly metaErrors: number[] = [];
  private script: (SendFault | null)[] = [];

  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private readonly target: string;
  url = '';

  private constructor(target: string) {
    this.target = target.replace(/\/+$/, '');
  }

  static async start(target: string): Promise<FaultyGraph> {
    const proxy = new FaultyGraph(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    proxy.url = `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}`;
    return proxy;
  }

  /** The next Send API calls meet these faults, one each; `null` lets a call through. */
  storm(faults: (SendFault | null)[]): void {
    this.script.push(...faults);
  }

  /** Drops the faults not met yet. */
  calm(): void {
    this.script = [];
  }

  get stormOver(): boolean {
    return this.script.length === 0;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const isSend = req.method === 'POST' && /\/messages(\?|$)/.test(req.url ?? '');
    if (isSend) this.sendCalls++;
    const fault = isSend ? (this.script.shift() ?? null) : null;
    if (fault) this.injected.push({ fault, metadata: metadataOf(body) });
    if (fault?.kind === 'refuse') return answerError(res, fault.status, fault.error);
    const answer = await this.forward(req, body);
    if (fault?.kind === 'lose-answer') return answerError(res, fault.status, fault.error);
    if (fault?.kind === 'reset') return void res.socket?.destroy();
    if (fault?.kind === 'hang') return;
    if (isSend && answer.status >= 400) this.metaErrors.push(errorCodeOf(answer.body));
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  private async forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    const response = await fetch(`${this.target}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
    });
    const answerHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) answerHeaders[name] = value;
    });
    return { status: response.status, headers: answerHeaders, body: Buffer.from(await response.arrayBuffer()) };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function errorCodeOf(body: Buffer): number {
  try {
    return Number((JSON.parse(body.toString('utf8')) as { error?: { code?: unknown } }).error?.code ?? NaN);
  } catch {
    return NaN;
  }
}

function metadataOf(body: Buffer): string | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { message?: { metadata?: unknown } };
    return typeof parsed.message?.metadata === 'string' ? parsed.message.metadata : null;
  } catch {
    return null;
  }
}

/** Meta's error shape when there is one; otherwise a bare 5xx page, as a proxy in front of Meta would answer. */
function answerError(res: ServerResponse, status: number, error?: GraphErrorBody): void {
  if (!error) {
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(`<html><body>${status}</body></html>`);
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      error: {
        message: 'An unexpected error has occurred. Please retry your request later.',
        type: 'OAuthException',
        code: error.code,
        ...(error.subcode !== undefined && { error_subcode: error.subcode }),
        ...(error.isTransient !== undefined && { is_transient: error.isTransient }),
        fbtrace_id: 'AFaultyGraphTrace',
      },
    }),
  );
}
