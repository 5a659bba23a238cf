import { hashClientSecret, newClientSecret, verifyClientSecret } from './client-secret';

describe('hashClientSecret', () => {
  const secret = newClientSecret();
  const sut = hashClientSecret(secret);

  it('stores no plaintext and salts every hash', () => {
    expect(sut).not.toContain(secret);
    expect(hashClientSecret(secret)).not.toBe(sut);
  });

  it.each([
    ['the secret', secret, true],
    ['another secret', newClientSecret(), false],
    ['an empty secret', '', false],
  ])('verifies %s → %s', (_, candidate, expected) => {
    expect(verifyClientSecret(candidate, sut)).toBe(expected);
  });

  it.each(['', 'plain', 'scrypt$x$a$b', 'bcrypt$1$a$b'])('refuses the stored value %j', (stored) => {
    expect(verifyClientSecret(secret, stored)).toBe(false);
  });
});
