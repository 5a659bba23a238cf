import { OutboundFailure } from '@app/contracts';
import { debugTokenProblem, invalidTokenReason } from './token-health-rules';

const failure = (overrides: Partial<OutboundFailure>): OutboundFailure => ({
  reason: 'token_invalid',
  detail: 'Error validating access token',
  metaCode: 190,
  metaSubcode: 463,
  fbtraceId: 'Ab1',
  ...overrides,
});

describe('invalidTokenReason', () => {
  it.each([
    ['190 with a subcode', 'failed', failure({}), 'meta_error_190_463'],
    ['190 without a subcode', 'failed', failure({ metaSubcode: null }), 'meta_error_190'],
    ['a local token_invalid', 'failed', failure({ metaCode: null, metaSubcode: null }), 'token_invalid'],
    ['another Meta error', 'failed', failure({ metaCode: 10, metaSubcode: 2018278, reason: 'outside_window' }), null],
    ['a permission error', 'failed', failure({ metaCode: 200, metaSubcode: null, reason: 'permission' }), null],
    ['a sent message', 'sent', null, null],
  ] as const)('%s', (_, status, f, expected) => {
    expect(invalidTokenReason({ status, failure: f })).toBe(expected);
  });
});

describe('debugTokenProblem', () => {
  const NOW = 1_800_000_000;
  it.each([
    ['a valid non-expiring token', { isValid: true, scopes: [], expiresAt: 0 }, null],
    [
      'an invalid token',
      { isValid: false, scopes: [], error: { code: 190, subcode: 460, message: 'x' } },
      'debug_token_invalid_190_460',
    ],
    ['an invalid token without error', { isValid: false, scopes: [] }, 'debug_token_invalid'],
    ['an expired token', { isValid: true, scopes: [], expiresAt: NOW - 1 }, 'token_expired'],
    ['lapsed data access', { isValid: true, scopes: [], dataAccessExpiresAt: NOW }, 'data_access_expired'],
  ])('%s', (_, token, expected) => {
    expect(debugTokenProblem(token, NOW)).toBe(expected);
  });
});
