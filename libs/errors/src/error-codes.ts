/**
 * Every stable error code Parley answers with, and its HTTP status. The record's type makes the compiler
 * reject a code without a status, so no code can reach a client unmapped.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  send_denied: 422,
  rate_limited: 429,
  internal_error: 500,
  upstream_failed: 502,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

/** Whether a consumer should retry a record that failed with this code, or dead-letter it. */
export function isRetriable(code: ErrorCode): boolean {
  return code === 'unavailable' || code === 'upstream_failed' || code === 'rate_limited' || code === 'internal_error';
}
