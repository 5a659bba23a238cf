import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key and the id stored beside every ciphertext it produced, so keys can rotate. */
export interface CipherKey {
  id: string;
  key: Buffer;
}

/** The key that encrypts new values, plus older keys still able to decrypt. */
export interface Keyring {
  active: CipherKey;
  all: ReadonlyMap<string, Buffer>;
}

export class TokenCipherError extends Error {
  constructor(
    readonly reason: 'bad_keyring' | 'unknown_key' | 'malformed' | 'tampered',
    message: string,
  ) {
    super(message);
    this.name = 'TokenCipherError';
  }
}

const FORMAT = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Parses `TOKEN_ENCRYPTION_KEY`: comma-separated `<key id>:<base64 of 32 bytes>`, the first one active.
 * The messages never include key material.
 */
export function parseKeyring(spec: string): Keyring {
  const entries = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new TokenCipherError('bad_keyring', 'no encryption key given');
  const all = new Map<string, Buffer>();
  const keys = entries.map((entry, index) => {
    const sep = entry.indexOf(':');
    const id = sep > 0 ? entry.slice(0, sep) : '';
    if (!KEY_ID.test(id)) throw new TokenCipherError('bad_keyring', `key #${index + 1} has no valid id`);
    const key = Buffer.from(entry.slice(sep + 1), 'base64');
    if (key.length !== 32) throw new TokenCipherError('bad_keyring', `key ${id} is not 32 bytes of base64`);
    if (all.has(id)) throw new TokenCipherError('bad_keyring', `key ${id} is listed twice`);
    all.set(id, key);
    return { id, key };
  });
  return { active: keys[0], all };
}

/** The key id a ciphertext was made with, or null when it is not one of ours. */
export function keyIdOf(ciphertext: string): string | null {
  const parts = ciphertext.split('.');
  return parts.length === 5 && parts[0] === FORMAT ? parts[1] : null;
}

/**
 * AES-256-GCM with a random 96-bit IV. `context` (e.g. the Page id) is bound as additional data, so a
 * ciphertext copied onto another row does not decrypt.
 */
export function encryptToken(keyring: Keyring, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.active.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    FORMAT,
    keyring.active.id,
    iv.toString('base64url'),
    body.toString('base64url'),
    tag.toString('base64url'),
  ].join('.');
}

export function decryptToken(keyring: Keyring, ciphertext: string, context: string): string {
  const parts = ciphertext.split('.');
  if (parts.length !== 5 || parts[0] !== FORMAT) throw new TokenCipherError('malformed', 'not an encrypted token');
  const [, keyId, ivText, bodyText, tagText] = parts;
  const key = keyring.all.get(keyId);
  if (!key) throw new TokenCipherError('unknown_key', `no key with id ${keyId}`);
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenCipherError('malformed', 'bad iv or tag');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new TokenCipherError('tampered', 'ciphertext failed authentication');
  }
}

/** Whether a stored value should be re-encrypted under the active key. */
export function needsRotation(keyring: Keyring, ciphertext: string): boolean {
  return keyIdOf(ciphertext) !== keyring.active.id;
}

/** Re-encrypts under the active key; returns the input unchanged when it already uses it. */
export function rotateToken(keyring: Keyring, ciphertext: string, context: string): string {
  if (!needsRotation(keyring, ciphertext)) return ciphertext;
  return encryptToken(keyring, decryptToken(keyring, ciphertext, context), context);
}
