import { createHmac } from 'node:crypto';
import { createSignedRequest, verifySignedRequest } from './signed-request';

const secret = 'app-secret';
const payload = { algorithm: 'HMAC-SHA256', expires: 1291840400, issued_at: 1291836800, user_id: '218471' };

function sign(encodedPayload: string, key = secret): string {
  return `${createHmac('sha256', key).update(encodedPayload).digest('base64url')}.${encodedPayload}`;
}

const encoded = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe(verifySignedRequest.name, () => {
  it('returns the payload of a valid signed request', () => {
    const sut = verifySignedRequest(sign(encoded(payload)), [secret]);
    expect(sut).toEqual({ ok: true, payload, encodedPayload: encoded(payload) });
  });

  it('reads a numeric user id as a string', () => {
    const sut = verifySignedRequest(sign(encoded({ ...payload, user_id: 218471 })), [secret]);
    expect(sut.ok && sut.payload.user_id).toBe('218471');
  });

  it('accepts the previous secret during a rotation', () => {
    expect(verifySignedRequest(sign(encoded(payload)), ['new', secret]).ok).toBe(true);
  });

  it.each<[string, string, string]>([
    ['another secret', sign(encoded(payload), 'other'), 'bad_signature'],
    [
      'a tampered payload',
      `${sign(encoded(payload)).split('.')[0]}.${encoded({ ...payload, user_id: '1' })}`,
      'bad_signature',
    ],
    ['another algorithm', sign(encoded({ ...payload, algorithm: 'HMAC-SHA1' })), 'bad_algorithm'],
    ['no algorithm', sign(encoded({ user_id: '1' })), 'bad_algorithm'],
    ['no user', sign(encoded({ algorithm: 'HMAC-SHA256' })), 'no_user'],
    ['one part', encoded(payload), 'malformed'],
    ['three parts', `a.b.${encoded(payload)}`, 'malformed'],
    ['a payload that is not JSON', sign(Buffer.from('nope').toString('base64url')), 'malformed'],
    ['a JSON array', sign(encoded([1])), 'malformed'],
    ['characters outside base64url', `ab+/.${encoded(payload)}`, 'malformed'],
  ])('rejects %s', (_case, signedRequest, reason) => {
    expect(verifySignedRequest(signedRequest, [secret])).toEqual({ ok: false, reason });
  });
});

describe(createSignedRequest.name, () => {
  it('builds what Meta sends', () => {
    expect(createSignedRequest(payload, secret)).toBe(sign(encoded(payload)));
  });
});
