import { appSecretProof } from '../webhooks/signature';
import { accessError, appSecretProofError, requirementsFor, TokenFacts, tokenError } from './access-rules';

const now = Date.UTC(2026, 5, 1);
const valid: TokenFacts = {
  type: 'PAGE',
  expiresAt: null,
  invalidated: null,
  appAuthorized: true,
  userHasPageRole: true,
};

describe(tokenError.name, () => {
  it.each<[string, Partial<TokenFacts>, number | null, number | undefined]>([
    ['valid, never expires', {}, null, undefined],
    ['valid until later', { expiresAt: now + 1 }, null, undefined],
    ['expired', { expiresAt: now }, 190, 463],
    ['password changed', { invalidated: 'password_changed' }, 190, 460],
    ['logged out', { invalidated: 'logged_out' }, 190, 467],
    ['app removed by the user', { appAuthorized: false }, 190, 458],
    ['user lost the Page role', { userHasPageRole: false }, 190, 492],
    ['app tokens ignore user state', { type: 'APP', appAuthorized: false, userHasPageRole: false }, null, undefined],
  ])('%s', (_label, overrides, code, subcode) => {
    const sut = tokenError({ ...valid, ...overrides }, now);

    expect(sut === null ? null : sut.code).toBe(code);
    expect(sut?.subcode).toBe(subcode);
  });
});

describe(appSecretProofError.name, () => {
  const token = 'EAAtoken';
  const secret = 's3cret';
  const proof = appSecretProof(token, secret);

  it.each<[string, boolean, string | undefined, string | null]>([
    ['not required, absent', false, undefined, null],
    ['required, right', true, proof, null],
    ['required, absent', true, undefined, 'API calls from the server require an appsecret_proof argument'],
    ['required, wrong', true, appSecretProof(token, 'other'), 'Invalid appsecret_proof provided in the API argument'],
    ['not required but wrong', false, 'abc', 'Invalid appsecret_proof provided in the API argument'],
  ])('%s', (_label, required, given, message) => {
    const sut = appSecretProofError(required, token, secret, given);

    expect(sut === null ? null : sut.message).toBe(message);
    if (sut !== null) expect([sut.code, sut.type]).toEqual([100, 'GraphMethodException']);
  });
});

describe(accessError.name, () => {
  it.each<[string, ReturnType<typeof requirementsFor>, string[], string[], number | null]>([
    ['Messenger send with everything', requirementsFor('send', 'messenger'), ['pages_messaging'], ['MESSAGING'], null],
    [
      'Messenger send without pages_messaging',
      requirementsFor('send', 'messenger'),
      ['pages_show_list'],
      ['MESSAGING'],
      200,
    ],
    [
      'Instagram send without instagram_manage_messages',
      requirementsFor('send', 'instagram'),
      ['instagram_basic', 'pages_messaging'],
      ['MESSAGING'],
      200,
    ],
    ['send without the MESSAGING task', requirementsFor('send', 'messenger'), ['pages_messaging'], ['ANALYZE'], 10],
    [
      'MANAGE covers every task',
      requirementsFor('subscribe', 'messenger'),
      ['pages_manage_metadata', 'pages_messaging'],
      ['MANAGE'],
      null,
    ],
    [
      'subscribe without MODERATE',
      requirementsFor('subscribe', 'messenger'),
      ['pages_manage_metadata', 'pages_messaging'],
      ['MESSAGING'],
      10,
    ],
  ])('%s', (_label, required, granted, tasks, code) => {
    const sut = accessError(required, granted, tasks);

    expect(sut === null ? null : sut.code).toBe(code);
  });

  it('names the missing permission as Meta does', () => {
    expect(accessError(requirementsFor('send', 'messenger'), [], [])?.message).toBe(
      '(#200) Requires pages_messaging permission to manage the object',
    );
  });
});
