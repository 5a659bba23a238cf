import { randomBytes } from 'node:crypto';
import {
  decryptToken,
  encryptToken,
  keyIdOf,
  needsRotation,
  parseKeyring,
  rotateToken,
  TokenCipherError,
} from './token-cipher';

const k = () => randomBytes(32).toString('base64');
const PAGE_TOKEN = 'EAABsbCS1iHgBAKZAZBZCpagetokenvalue';

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof TokenCipherError) return e.reason;
    throw e;
  }
  return undefined;
}

describe('parseKeyring', () => {
  it('makes the first key active and keeps the others for decryption', () => {
    const sut = parseKeyring(`k2:${k()}, k1:${k()}`);
    expect(sut.active.id).toBe('k2');
    expect([...sut.all.keys()]).toEqual(['k2', 'k1']);
  });

  it.each([
    ['empty', ''],
    ['no id', `:${k()}`],
    ['short key', `k1:${randomBytes(16).toString('base64')}`],
    ['duplicate id', `k1:${k()},k1:${k()}`],
    ['bad id characters', `k 1:${k()}`],
  ])('refuses %s', (_, spec) => {
    expect(reasonOf(() => parseKeyring(spec))).toBe('bad_keyring');
  });

  it('never echoes key material in its errors', () => {
    const secret = randomBytes(16).toString('base64');
    try {
      parseKeyring(`k1:${secret}`);
    } catch (e) {
      expect(String(e)).not.toContain(secret);
    }
    expect.assertions(1);
  });
});

describe('encryptToken / decryptToken', () => {
  const keyring = parseKeyring(`k1:${k()}`);

  it('round-trips and never contains the plaintext', () => {
    const sut = encryptToken(keyring, PAGE_TOKEN, 'page:1');
    expect(sut).not.toContain(PAGE_TOKEN);
    expect(keyIdOf(sut)).toBe('k1');
    expect(decryptToken(keyring, sut, 'page:1')).toBe(PAGE_TOKEN);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptToken(keyring, PAGE_TOKEN, 'p')).not.toBe(encryptToken(keyring, PAGE_TOKEN, 'p'));
  });

  it.each([
    ['another context', (c: string) => c, 'page:2', 'tampered'],
    ['a flipped ciphertext byte', (c: string) => flip(c, 3), 'page:1', 'tampered'],
    ['a flipped tag byte', (c: string) => flip(c, 4), 'page:1', 'tampered'],
    ['an unknown key id', (c: string) => c.replace('.k1.', '.k9.'), 'page:1', 'unknown_key'],
    ['garbage', () => 'plaintext-token', 'page:1', 'malformed'],
  ])('refuses %s', (_, mutate, context, reason) => {
    const stored = mutate(encryptToken(keyring, PAGE_TOKEN, 'page:1'));
    expect(reasonOf(() => decryptToken(keyring, stored, context))).toBe(reason);
  });
});

describe('rotateToken', () => {
  const old = k();
  const before = parseKeyring(`k1:${old}`);
  const after = parseKeyring(`k2:${k()},k1:${old}`);

  it('re-encrypts values of an older key under the active one', () => {
    const stored = encryptToken(before, PAGE_TOKEN, 'page:1');
    expect(needsRotation(after, stored)).toBe(true);
    const sut = rotateToken(after, stored, 'page:1');
    expect(keyIdOf(sut)).toBe('k2');
    expect(needsRotation(after, sut)).toBe(false);
    expect(decryptToken(parseKeyring(`k2:${after.active.key.toString('base64')}`), sut, 'page:1')).toBe(PAGE_TOKEN);
  });

  it('leaves values of the active key untouched', () => {
    const stored = encryptToken(after, PAGE_TOKEN, 'page:1');
    expect(rotateToken(after, stored, 'page:1')).toBe(stored);
  });
});

function flip(ciphertext: string, part: number): string {
  const parts = ciphertext.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0xff;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}
