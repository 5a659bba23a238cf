import { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, PROBLEM_CONTENT_TYPE, toProblemDetails } from '@app/errors';

export const WEBHOOK_PATH = '/webhooks/meta';

type Next = (error?: unknown) => void;
type RawRequest = IncomingMessage & { body?: unknown; _body?: boolean; path?: string };

function refuseTooLarge(res: ServerResponse, limitBytes: number): void {
  if (res.headersSent) return;
  const problem = toProblemDetails(
    new DomainError('payload_too_large', `The body exceeds ${limitBytes} bytes.`, { reason: 'too_large' }),
    { instance: WEBHOOK_PATH },
  );
  res.writeHead(problem.status, { 'content-type': PROBLEM_CONTENT_TYPE, connection: 'close' });
  res.end(JSON.stringify(problem));
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
      return refuseTooLarge(res, limitBytes);
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
        return refuseTooLarge(res, limitBytes);
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
