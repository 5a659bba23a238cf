import { createHash } from 'node:crypto';

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
