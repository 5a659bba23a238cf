import { appUserErasureRequest, erasureRequest } from '@app/testing';
import { erasureSubject } from './erasure-subject';
import { ErasureRefusedError } from './personal-data-eraser';

describe(erasureSubject.name, () => {
  it('gives a person with the conversation id every app keys its rows by', () => {
    expect(erasureSubject(erasureRequest({ channel: 'instagram', accountId: '1789', personId: '3344' }))).toEqual({
      kind: 'person',
      channel: 'instagram',
      accountId: '1789',
      personId: '3344',
      conversationId: 'instagram:1789:3344',
    });
  });

  it('gives an app user by the app-scoped id', () => {
    expect(erasureSubject(appUserErasureRequest('218471'))).toEqual({ kind: 'app_user', appScopedUserId: '218471' });
  });

  it.each([
    ['a person without an account', { accountId: null }],
    ['a person without a person id', { personId: null }],
    ['a person without a channel', { channel: null }],
    ['an app user without an id', { subjectKind: 'app_user', appScopedUserId: null }],
  ] as const)('refuses %s, naming no id', (_name, overrides) => {
    const act = () => erasureSubject(erasureRequest(overrides));
    expect(act).toThrow(ErasureRefusedError);
    expect(act).not.toThrow(/1122|6543/);
  });
});
