import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const secret = 'app-secret';
// Meta signs its own serialization, which escapes non-ASCII text.
const body = Buffer.from('{"object":"page","entry":[{"messaging":[{"message":{"text":"\\u00e4\\u00f6\\u00e5"}}]}]}');
const valid = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

describe(verifyWebhookSignature.name, () => {
  it.each<[string, string | undefined, readonly string[], string]>([
    ['a valid signature', valid, [secret], 'valid'],
    ['upper-case hex', valid.toUpperCase().replace('SHA256=', 'sha256='), [secret], 'valid'],
    ['the old secret during a rotation', valid, ['new-secret', secret], 'valid'],
    ['no header', undefined, [secret], 'missing'],
    ['an empty header', '', [secret], 'missing'],
    ['a SHA-1 signature', `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`, [secret], 'malformed'],
    ['a truncated signature', valid.slice(0, -2), [secret], 'malformed'],
    ['non-hex characters', `sha256=${'z'.repeat(64)}`, [secret], 'malformed'],
    ['another secret', valid, ['other'], 'mismatch'],
    ['no configured secret', valid, [], 'mismatch'],
  ])('answers %s', (_case, header, secrets, expected) => {
    expect(verifyWebhookSignature(body, header, secrets)).toBe(expected);
  });

  it('rejects the signature of a re-serialized body', () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))));
    expect(reserialized.equals(body)).toBe(false);
    expect(verifyWebhookSignature(reserialized, valid, [secret])).toBe('mismatch');
  });

  it('rejects a signature once a single byte changes', () => {
    const tampered = Buffer.from(body);
    tampered[tampered.length - 3] ^= 1;
    expect(verifyWebhookSignature(tampered, valid, [secret])).toBe('mismatch');
  });
});

describe(signWebhookBody.name, () => {
  it("produces Meta's header value", () => {
    expect(signWebhookBody(body, secret)).toBe(valid);
  });
});
