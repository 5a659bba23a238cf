import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ERROR_STATUS, ErrorCode } from './error-codes';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, with Parley's stable `code` and the request's correlation id. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  correlationId?: string;
  errors?: string[];
  [extension: string]: unknown;
}

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  idempotency_key_reused: 'Idempotency key reused with another request',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  unprocessable: 'The request cannot be processed',
  send_denied: 'Sending is not allowed',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  upstream_failed: 'An upstream service failed',
  unavailable: 'Temporarily unavailable',
};

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'bad_request',
  [HttpStatus.UNAUTHORIZED]: 'unauthorized',
  [HttpStatus.FORBIDDEN]: 'forbidden',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.CONFLICT]: 'conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'unprocessable',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'unavailable',
  [HttpStatus.BAD_GATEWAY]: 'upstream_failed',
};

export function problemType(code: ErrorCode): string {
  return `https://parley.dev/problems/${code.replace(/_/g, '-')}`;
}

/** Turns anything thrown while handling a request into problem details; unknown errors say nothing of themselves. */
export function toProblemDetails(
  error: unknown,
  context: { instance?: string; correlationId?: string },
): ProblemDetails {
  if (error instanceof DomainError) {
    return build(error.code, ERROR_STATUS[error.code], error.detail, context, error.extensions);
  }
  if (error instanceof HttpException) return fromHttpException(error, context);
  if (isBodyParserError(error)) {
    const code =
      error.status === 413 ? 'payload_too_large' : error.status === 415 ? 'unsupported_media_type' : 'bad_request';
    const detail = code === 'bad_request' ? 'The body is not valid JSON.' : error.message;
    return build(code, error.status, detail, context);
  }
  return build('internal_error', 500, 'An unexpected error occurred.', context);
}

function fromHttpException(
  error: HttpException,
  context: { instance?: string; correlationId?: string },
): ProblemDetails {
  const status = error.getStatus();
  const response = error.getResponse();
  const messages =
    typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : response;
  if (Array.isArray(messages)) {
    const errors = messages.map(String);
    return build('validation_failed', status, errors.join('; '), context, { errors });
  }
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
  const detail =
    status >= 500 ? 'An unexpected error occurred.' : typeof messages === 'string' ? messages : error.message;
  return build(code, status, detail, context);
}

function build(
  code: ErrorCode,
  status: number,
  detail: string,
  context: { instance?: string; correlationId?: string },
  extensions: Readonly<Record<string, unknown>> = {},
): ProblemDetails {
  return {
    ...extensions,
    type: problemType(code),
    title: TITLES[code],
    status,
    detail,
    code,
    ...(context.instance === undefined ? {} : { instance: context.instance }),
    ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
  };
}

function isBodyParserError(error: unknown): error is { status: number; message: string; type: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { status?: unknown }).status === 'number' &&
    typeof (error as { type?: unknown }).type === 'string'
  );
}
