import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER, newTraceparent } from '@app/kafka';
import { REQUEST_ID_HEADER } from '@app/observability';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestTrace } from './gateway-record';

interface RawRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  id?: unknown;
}

const CORRELATION_ID = /^[\w.:-]{1,128}$/;
const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The request body as bytes, exactly as received (the webhook route reads it raw, before any JSON parser). */
export const RawBody = createParamDecorator((_: unknown, ctx: ExecutionContext): Buffer => {
  const body = ctx.switchToHttp().getRequest<RawRequest>().body;
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
});

/**
 * The request's trace: the logger's request id, else the caller's `x-request-id` or correlation header,
 * else a new id; and the caller's trace context, else a new one.
 */
export function traceOf(request: RawRequest): RequestTrace {
  const offered = [request.headers[REQUEST_ID_HEADER], request.headers[CORRELATION_HEADER]].find(
    (header): header is string => typeof header === 'string' && CORRELATION_ID.test(header),
  );
  const correlationId = typeof request.id === 'string' && request.id !== '' ? request.id : (offered ?? randomUUID());
  const traceparent = request.headers.traceparent;
  return {
    correlationId,
    traceparent: typeof traceparent === 'string' && TRACEPARENT.test(traceparent) ? traceparent : newTraceparent(),
  };
}

export const Trace = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestTrace =>
  traceOf(ctx.switchToHttp().getRequest<RawRequest>()),
);
