import { createHmac, timingSafeEqual } from 'node:crypto';

/** The decoded payload of Meta's `signed_request` (deauthorize and data-deletion callbacks). */
export interface SignedRequestPayload {
  algorithm: string;
  /** App-scoped user id (ASID), not a PSID. */
  user_id: string;
  issued_at?: number;
  expires?: number;
  [key: string]: unknown;
}

export type SignedRequestResult =
  | { ok: true; payload: SignedRequestPayload; encodedPayload: string }
  | { ok: false; reason: 'malformed' | 'bad_algorithm' | 'bad_signature' | 'no_user' };

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function decodeJsonObject(encoded: string): { [key: string]: unknown } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as { [key: string]: unknown })
      : null;
  } catch {
    return null;
  }
}

/**
 * Verifies `<base64url signature>.<base64url payload>`: HMAC-SHA256 of the encoded payload string
 * with the app secret, compared in constant time; the algorithm must be HMAC-SHA256.
 */
export function verifySignedRequest(signedRequest: string, secrets: readonly string[]): SignedRequestResult {
  const parts = signedRequest.split('.');
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    return { ok: false, reason: 'malformed' };
  }
  const [encodedSignature, encodedPayload] = parts;
  const payload = decodeJsonObject(encodedPayload);
  if (!payload) return { ok: false, reason: 'malformed' };
  if (typeof payload.algorithm !== 'string' || payload.algorithm.toUpperCase() !== 'HMAC-SHA256') {
    return { ok: false, reason: 'bad_algorithm' };
  }
  const given = Buffer.from(encodedSignature, 'base64url');
  let valid = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(encodedPayload, 'ascii').digest();
    valid = (expected.length === given.length && timingSafeEqual(expected, given)) || valid;
  }
  if (!valid) return { ok: false, reason: 'bad_signature' };
  const userId = payload.user_id;
  if ((typeof userId !== 'string' && typeof userId !== 'number') || String(userId) === '') {
    return { ok: false, reason: 'no_user' };
  }
  return { ok: true, payload: { ...payload, algorithm: 'HMAC-SHA256', user_id: String(userId) }, encodedPayload };
}

/** Builds a `signed_request` the way Meta does (used by the sandbox and the tests). */
export function createSignedRequest(payload: { [key: string]: unknown }, secret: string): string {
  const encodedPayload = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  const signature = createHmac('sha256', secret).update(encodedPayload, 'ascii').digest('base64url');
  return `${signature}.${encodedPayload}`;
}
