import { InboundEvent, InboundEventBase } from '@app/contracts';
import { SentMessage, statusChangesFrom } from './receipt-matching';

const base: InboundEventBase = {
  eventId: '00000000-0000-5000-8000-000000000000',
  kind: 'message',
  channel: 'messenger',
  accountId: '1122',
  personId: '6543',
  userRef: null,
  conversationId: 'messenger:1122:6543',
  occurredAt: '2026-01-01T00:00:05.000Z',
  receivedAt: '2026-01-01T00:00:06.000Z',
  deliveryId: '00000000-0000-5000-8000-000000000001',
  isEcho: false,
  isStandby: false,
  appId: null,
  raw: {},
};

const echo = (mid: string, metadata: string | null): InboundEvent => ({
  ...base,
  kind: 'echo',
  isEcho: true,
  message: {
    mid,
    text: 'hi',
    attachments: [],
    quickReplyPayload: null,
    replyTo: null,
    referral: null,
    metadata,
    isUnsupported: false,
    isSelf: false,
  },
});
const delivery = (mids: string[], watermark: number | null): InboundEvent => ({
  ...base,
  kind: 'delivery',
  delivery: { mids, watermark },
});
const read = (watermark: number | null, mid: string | null = null): InboundEvent => ({
  ...base,
  kind: 'read',
  read: { watermark, mid },
});

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const C = 'cccccccc-0000-4000-8000-000000000000';
const msg = (messageId: string, overrides: Partial<SentMessage> = {}): SentMessage => ({
  messageId,
  metaMessageId: `m_${messageId[0]}`,
  status: 'sent',
  sentAt: new Date(1000),
  outcomeUnknown: false,
  ...overrides,
});

describe(statusChangesFrom.name, () => {
  it.each<[string, InboundEvent, SentMessage[], Array<[string, string]>]>([
    [
      'an echo settles an accepted message as sent',
      echo('m_new', `parley:${A}`),
      [msg(A, { status: 'accepted', metaMessageId: null, sentAt: null })],
      [[A, 'sent']],
    ],
    [
      'an echo settles a send whose outcome was unknown',
      echo('m_new', `parley:${A}`),
      [msg(A, { status: 'failed', outcomeUnknown: true, metaMessageId: null })],
      [[A, 'sent']],
    ],
    ['an echo does not revive a real failure', echo('m_new', `parley:${A}`), [msg(A, { status: 'failed' })], []],
    ['an echo of a message already sent changes nothing', echo('m_a', `parley:${A}`), [msg(A)], []],
    ['an echo of another app is ignored', echo('m_x', null), [msg(A, { status: 'accepted' })], []],
    ['a delivery by mid', delivery(['m_a'], null), [msg(A), msg(B)], [[A, 'delivered']]],
    [
      'a delivery watermark covers every earlier message',
      delivery([], 2000),
      [msg(A, { sentAt: new Date(1000) }), msg(B, { sentAt: new Date(2000) }), msg(C, { sentAt: new Date(3000) })],
      [
        [A, 'delivered'],
        [B, 'delivered'],
      ],
    ],
    ['a delivery never moves a read message back', delivery(['m_a'], 5000), [msg(A, { status: 'read' })], []],
    [
      'a delivery does not touch a message not yet sent',
      delivery([], 5000),
      [msg(A, { status: 'accepted', sentAt: new Date(1000) })],
      [],
    ],
    [
      'a read watermark reads delivered and sent messages up to it',
      read(2500),
      [
        msg(A, { status: 'delivered', sentAt: new Date(1000) }),
        msg(B, { sentAt: new Date(2000) }),
        msg(C, { sentAt: new Date(3000) }),
      ],
      [
        [A, 'read'],
        [B, 'read'],
      ],
    ],
    [
      'an Instagram seen mid reads it and everything before',
      read(null, 'm_b'),
      [msg(A, { sentAt: new Date(1000) }), msg(B, { sentAt: new Date(2000) }), msg(C, { sentAt: new Date(3000) })],
      [
        [A, 'read'],
        [B, 'read'],
      ],
    ],
    ['a seen mid of an unknown message changes nothing', read(null, 'm_zzz'), [msg(A)], []],
    ['a failed message is never read', read(9999), [msg(A, { status: 'failed' })], []],
  ])('%s', (_name, event, messages, expected) => {
    expect(statusChangesFrom(event, messages).map((c) => [c.messageId, c.status])).toEqual(expected);
  });

  it("takes Meta's id and time from the echo", () => {
    const [change] = statusChangesFrom(echo('m_new', `parley:${A}`), [
      msg(A, { status: 'accepted', metaMessageId: null }),
    ]);
    expect(change).toEqual({ messageId: A, status: 'sent', metaMessageId: 'm_new', sentAt: new Date(base.occurredAt) });
  });
});
