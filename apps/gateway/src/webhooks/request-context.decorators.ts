import { randomUUID } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CORRELATION_HEADER } from '@app/kafka';

interface RawRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  id?: unknown;
}

/** The request body as bytes, exactly as received (the webhook route parses it raw, before any JSON parser). */
export const RawBody = createParamDecorator((_: unknown, ctx: ExecutionContext): Buffer => {
  const body = ctx.switchToHttp().getRequest<RawRequest>().body;
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
});

/** The request's correlation id: the caller's header, else the logger's request id, else a new one. */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<RawRequest>();
  const header = request.headers[CORRELATION_HEADER];
  if (typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header)) return header;
  return typeof request.id === 'string' && request.id !== '' ? request.id : randomUUID();
});
