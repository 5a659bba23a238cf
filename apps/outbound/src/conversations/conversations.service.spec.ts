import { ConversationRef, parseConversationId } from './conversations.service';

describe(parseConversationId.name, () => {
  it.each<[string, ConversationRef | null]>([
    ['messenger:1122:6543', { channel: 'messenger', accountId: '1122', personId: '6543' }],
    ['instagram:17841:3344', { channel: 'instagram', accountId: '17841', personId: '3344' }],
    ['messenger:1122', null],
    ['whatsapp:1:2', null],
    ['messenger:1:2:3', null],
    ['', null],
  ])('%j', (id, expected) => {
    expect(parseConversationId(id)).toEqual(expected);
  });
});
