import { erasureSubject } from '@app/privacy';
import { appUserErasureRequest, erasureRequest } from '@app/testing';
import { conversationErasureOf } from './conversation-erasure';

describe(conversationErasureOf.name, () => {
  it("erases a person's conversation and the answers naming them as recipient", () => {
    const subject = erasureSubject(erasureRequest({ channel: 'instagram', accountId: '1789', personId: '3344' }));
    expect(conversationErasureOf(subject)).toEqual({ conversationId: 'instagram:1789:3344', recipientId: '3344' });
  });

  it('has nothing to erase for an app user', () => {
    expect(conversationErasureOf(erasureSubject(appUserErasureRequest('218471')))).toBeNull();
  });
});
