import { newNonce, signState, verifyState } from './onboarding-state';

const SECRET = 'a'.repeat(32);
const NOW = 1_800_000_000;

describe('verifyState', () => {
  const state = { tenantId: 'acme', nonce: newNonce(), expiresAt: NOW + 600 };
  const signed = signState(SECRET, state);

  it('accepts its own state before expiry', () => {
    expect(verifyState(SECRET, signed, NOW)).toEqual({ ok: true, state });
  });

  const [payload, signature] = signed.split('.');
  const otherTenant = Buffer.from(JSON.stringify(['evil', state.nonce, state.expiresAt])).toString('base64url');

  it.each([
    ['nothing', undefined, NOW, 'malformed'],
    ['no signature', payload, NOW, 'malformed'],
    ['extra parts', `${signed}.x`, NOW, 'malformed'],
    ['another secret', signState('b'.repeat(32), state), NOW, 'forged'],
    ['a swapped payload', `${otherTenant}.${signature}`, NOW, 'forged'],
    ['a truncated signature', `${payload}.${signature.slice(0, 10)}`, NOW, 'forged'],
    ['an expired state', signed, NOW + 600, 'expired'],
  ])('refuses %s', (_, text, now, reason) => {
    expect(verifyState(SECRET, text, now)).toEqual({ ok: false, reason });
  });
});
