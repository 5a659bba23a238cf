import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 16_384;
const KEY_BYTES = 32;

/** A new client secret, shown once; only its hash is stored. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newClientId(): string {
  return `crm_${randomBytes(9).toString('base64url')}`;
}

/** `scrypt$<N>$<salt>$<hash>`; the cost travels with the hash so it can rise later. */
export function hashClientSecret(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret, salt, KEY_BYTES, { N });
  return ['scrypt', N, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export function verifyClientSecret(secret: string, stored: string): boolean {
  const [scheme, cost, saltText, hashText] = stored.split('$');
  const n = Number(cost);
  if (scheme !== 'scrypt' || !Number.isInteger(n) || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64url');
  const actual = scryptSync(secret, Buffer.from(saltText, 'base64url'), expected.length, { N: n });
  return timingSafeEqual(actual, expected);
}
