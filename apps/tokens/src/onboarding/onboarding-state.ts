import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What the login `state` carries through Meta's dialog and back. */
export interface OnboardingState {
  tenantId: string;
  /** Single use: the callback records it, so a replayed state is refused. */
  nonce: string;
  /** Epoch seconds. */
  expiresAt: number;
}

export type StateRejection = 'malformed' | 'forged' | 'expired';

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`parley.onboarding.${payload}`).digest();
}

/** `<base64url JSON>.<base64url HMAC>`: CSRF-safe without a server-side session. */
export function signState(secret: string, state: OnboardingState): string {
  const payload = Buffer.from(JSON.stringify([state.tenantId, state.nonce, state.expiresAt])).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

export function verifyState(
  secret: string,
  text: string | undefined,
  now: number,
): { ok: true; state: OnboardingState } | { ok: false; reason: StateRejection } {
  const [payload, signature, ...rest] = (text ?? '').split('.');
  if (!payload || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const expected = sign(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return { ok: false, reason: 'malformed' };
  const [tenantId, nonce, expiresAt] = parsed as unknown[];
  if (typeof tenantId !== 'string' || typeof nonce !== 'string' || typeof expiresAt !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, state: { tenantId, nonce, expiresAt } };
}
