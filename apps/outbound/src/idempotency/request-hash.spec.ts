import { isValidIdempotencyKey, requestHash } from './request-hash';

describe(requestHash.name, () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['the same body', { a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }, true],
    ['keys in another order', { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, true],
    ['an undefined key', { a: 1, b: undefined }, { a: 1 }, true],
    ['another value', { a: 1 }, { a: 2 }, false],
    ['array order matters', { a: [1, 2] }, { a: [2, 1] }, false],
  ])('%s', (_name, first, second, same) => {
    expect(requestHash('POST /v1/messages', first) === requestHash('POST /v1/messages', second)).toBe(same);
  });

  it('differs per operation', () => {
    expect(requestHash('POST /v1/messages', {})).not.toBe(requestHash('POST /v1/sender-actions', {}));
  });
});

describe(isValidIdempotencyKey.name, () => {
  it.each<[string | undefined, boolean]>([
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', true],
    ['a', true],
    ['', false],
    [undefined, false],
    ['has space', false],
    ['x'.repeat(256), false],
  ])('%j → %s', (key, expected) => {
    expect(isValidIdempotencyKey(key)).toBe(expected);
  });
});
