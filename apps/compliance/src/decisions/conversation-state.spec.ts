import { InboundEvent, InboundMessage } from '@app/contracts';
import { ConversationState, emptyState, isOptedOut, mergeState, NO_CHANGE, stateChangeOf } from './conversation-state';
import { DEFAULT_MESSAGING_POLICY } from './messaging-policy';

const T0 = '2026-06-01T12:00:00.000Z';
const keywords = DEFAULT_MESSAGING_POLICY;

const base = {
  eventId: '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a29',
  channel: 'messenger' as const,
  accountId: '1',
  personId: '2',
  userRef: null,
  conversationId: 'messenger:1:2',
  occurredAt: T0,
  receivedAt: T0,
  deliveryId: '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a30',
  isEcho: false,
  isStandby: false,
  appId: null,
  raw: {},
};

function message(overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    mid: 'm1',
    text: 'hello',
    attachments: [],
    quickReplyPayload: null,
    replyTo: null,
    referral: null,
    metadata: null,
    isUnsupported: false,
    isSelf: false,
    ...overrides,
  };
}

const adReferral = {
  ref: null,
  source: 'ADS',
  type: 'OPEN_THREAD',
  adId: '99',
  refererUri: null,
  productId: null,
  adsContextData: null,
};

const optin = {
  type: 'notification_messages',
  ref: null,
  userRef: null,
  payload: null,
  title: null,
  notificationMessagesToken: 'tok',
  notificationMessagesTimezone: null,
  notificationMessagesStatus: null,
  tokenExpiresAt: '2026-07-01T00:00:00.000Z',
  userTokenStatus: null,
  oneTimeNotifToken: null,
};

const at = new Date(T0);

describe(stateChangeOf.name, () => {
  it.each<[string, InboundEvent, Partial<typeof NO_CHANGE>]>([
    ['a message', { ...base, kind: 'message', message: message() }, { userActionAt: at }],
    ['a message in standby', { ...base, isStandby: true, kind: 'message', message: message() }, { userActionAt: at }],
    ['an echo', { ...base, kind: 'echo', isEcho: true, message: message() }, {}],
    [
      'a message after an ad',
      { ...base, kind: 'message', message: message({ referral: adReferral }) },
      { userActionAt: at, adReferralAt: at },
    ],
    ['STOP', { ...base, kind: 'message', message: message({ text: ' stop ' }) }, { userActionAt: at, optedOutAt: at }],
    [
      'Unsubscribe.',
      { ...base, kind: 'message', message: message({ text: 'Unsubscribe.' }) },
      { userActionAt: at, optedOutAt: at },
    ],
    [
      'a sentence containing stop',
      { ...base, kind: 'message', message: message({ text: 'please stop by' }) },
      { userActionAt: at },
    ],
    ['START', { ...base, kind: 'message', message: message({ text: 'START' }) }, { userActionAt: at, optedInAt: at }],
    [
      'a postback',
      { ...base, kind: 'postback', postback: { mid: null, title: 'Go', payload: 'GO', referral: null } },
      { userActionAt: at },
    ],
    [
      'a referral from an ad',
      { ...base, kind: 'referral', referral: adReferral },
      { userActionAt: at, adReferralAt: at },
    ],
    [
      'a reaction',
      { ...base, kind: 'reaction', reaction: { mid: 'm1', action: 'react', reaction: 'love', emoji: null } },
      { userActionAt: at },
    ],
    [
      'an unreaction',
      { ...base, kind: 'reaction', reaction: { mid: 'm1', action: 'unreact', reaction: null, emoji: null } },
      {},
    ],
    ['a read', { ...base, kind: 'read', read: { watermark: 1, mid: null } }, {}],
    ['a delivery', { ...base, kind: 'delivery', delivery: { mids: ['m1'], watermark: 1 } }, {}],
    ['an edit', { ...base, kind: 'edit', edit: { mid: 'm1', text: 'x', numEdit: 1 } }, {}],
    [
      'a plugin opt-in',
      { ...base, kind: 'optin', optin: { ...optin, type: null, notificationMessagesToken: null } },
      { userActionAt: at },
    ],
    [
      'a notification-messages opt-in',
      { ...base, kind: 'optin', optin },
      { token: { token: 'tok', expiresAt: new Date('2026-07-01T00:00:00.000Z'), active: true, changedAt: at } },
    ],
    [
      'STOP NOTIFICATIONS',
      { ...base, kind: 'optin', optin: { ...optin, notificationMessagesStatus: 'STOP NOTIFICATIONS' } },
      { token: { token: 'tok', expiresAt: new Date('2026-07-01T00:00:00.000Z'), active: false, changedAt: at } },
    ],
    ['an event without a person', { ...base, personId: null, kind: 'message', message: message() }, {}],
  ])('%s', (_case, event, expected) => {
    expect(stateChangeOf(event, keywords)).toEqual({ ...NO_CHANGE, ...expected });
  });

  it('uses the tenant keyword list', () => {
    const event: InboundEvent = { ...base, kind: 'message', message: message({ text: 'basta' }) };
    expect(stateChangeOf(event, { optOutKeywords: ['BASTA'], optInKeywords: [] }).optedOutAt).toEqual(at);
  });
});

describe(mergeState.name, () => {
  const start = emptyState(base);
  const hours = (h: number) => new Date(at.getTime() + h * 3_600_000);
  const changes = [
    { ...NO_CHANGE, userActionAt: hours(1) },
    { ...NO_CHANGE, userActionAt: hours(3), optedOutAt: hours(3) },
    { ...NO_CHANGE, userActionAt: hours(2), optedInAt: hours(2) },
    { ...NO_CHANGE, token: { token: 't', expiresAt: null, active: true, changedAt: hours(1) } },
    { ...NO_CHANGE, token: { token: 't', expiresAt: null, active: false, changedAt: hours(4) } },
  ];
  const apply = (order: number[]): ConversationState => order.reduce((s, i) => mergeState(s, changes[i]), start);

  it('gives the same state in any order and with duplicates', () => {
    const expected = apply([0, 1, 2, 3, 4]);
    expect(apply([4, 3, 2, 1, 0])).toEqual(expected);
    expect(apply([2, 0, 4, 1, 3, 1, 4, 0])).toEqual(expected);
    expect(expected.lastUserActionAt).toEqual(hours(3));
    expect(isOptedOut(expected)).toBe(true);
    expect(expected.notificationTokens).toEqual([{ token: 't', expiresAt: null, active: false, changedAt: hours(4) }]);
  });
});

describe(isOptedOut.name, () => {
  it.each<[Date | null, Date | null, boolean]>([
    [null, null, false],
    [at, null, true],
    [null, at, false],
    [at, new Date(at.getTime() + 1), false],
    [new Date(at.getTime() + 1), at, true],
    [at, at, true],
  ])('out %s, in %s → %s', (optedOutAt, optedInAt, expected) => {
    expect(isOptedOut({ optedOutAt, optedInAt })).toBe(expected);
  });
});
