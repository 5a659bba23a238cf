import { createHash } from 'node:crypto';
import { DomainError } from '@app/errors';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 of a request body with its keys sorted: the same body sent twice hashes the same whatever the key order. */
export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256')
    .update(operation)
    .update('\n')
    .update(JSON.stringify(canonical(body)) ?? 'null')
    .digest('hex');
}

/** A key of 1–255 visible ASCII characters (the IETF draft allows any; a bound keeps storage sane). */
export function isValidIdempotencyKey(key: string | undefined): key is string {
  return typeof key === 'string' && /^[\x21-\x7e]{1,255}$/.test(key);
}

/** Refuses a POST without a usable Idempotency-Key, naming the header. */
export function requireIdempotencyKey(key: string | undefined): asserts key is string {
  if (!isValidIdempotencyKey(key)) {
    throw new DomainError(
      'validation_failed',
      'The Idempotency-Key header is required: 1 to 255 visible ASCII characters.',
      {
        errors: ['Idempotency-Key header is required'],
      },
    );
  }
}

/** What was answered before under this key: replayed when the request is the same, refused (409) when not. */
export function replayOf<T extends { operation: string; requestHash: string }>(
  stored: T | null,
  operation: string,
  hash: string,
): T | null {
  if (!stored) return null;
  if (stored.operation !== operation || stored.requestHash !== hash) {
    throw new DomainError('idempotency_key_reused', 'This Idempotency-Key was used with another request body.');
  }
  return stored;
}
