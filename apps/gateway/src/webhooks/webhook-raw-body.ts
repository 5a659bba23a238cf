import { IncomingMessage, ServerResponse } from 'node:http';

export const WEBHOOK_PATH = '/webhooks/meta';

type Next = (error?: unknown) => void;
type RawRequest = IncomingMessage & { body?: unknown; _body?: boolean; path?: string };

function refuse(res: ServerResponse, status: number, code: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/problem+json', connection: 'close' });
  res.end(JSON.stringify({ type: 'about:blank', title: 'Payload Too Large', status, code: `webhook.${code}` }));
}

/**
 * Reads the body of `POST /webhooks/meta` as bytes, before any JSON parser touches it: Meta's signature
 * covers the bytes exactly as sent, and nothing is parsed before the signature is checked. Register it
 * ahead of the app's body parsers (they skip a request whose body was read).
 */
export function webhookRawBody(limitBytes: number) {
  return (req: RawRequest, res: ServerResponse, next: Next): void => {
    const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
    if (req.method !== 'POST' || path !== WEBHOOK_PATH) return next();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      req.resume();
      return refuse(res, 413, 'too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limitBytes) {
        done = true;
        req.resume();
        return refuse(res, 413, 'too_large');
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      req.body = Buffer.concat(chunks, size);
      req._body = true;
      next();
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      next(error);
    });
  };
}
