import { inboundEventId, InboundMessageEvent } from './inbound/inbound-event';
import { INBOUND_DETAIL_FIELD } from './inbound/inbound-event.schema';
import { validateTopicPayload } from './schema-registry';
import { TopicName, Topics } from './topics';
import { deletionConfirmationCode, metaCallbackId } from './webhook-received/meta-callback';
import { webhookDeliveryId } from './webhook-received/webhook-received';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function inboundMessage(overrides: Partial<InboundMessageEvent> = {}): InboundMessageEvent {
  return {
    eventId: inboundEventId({ channel: 'messenger', accountId: '1', kind: 'message', naturalKey: 'm_1' }),
    kind: 'message',
    channel: 'messenger',
    accountId: '1',
    personId: '2',
    userRef: null,
    conversationId: 'messenger:1:2',
    occurredAt: '2026-01-01T00:00:00.000Z',
    receivedAt: '2026-01-01T00:00:01.000Z',
    deliveryId: webhookDeliveryId(Buffer.from('{}')),
    isEcho: false,
    isStandby: false,
    appId: null,
    raw: {},
    message: {
      mid: 'm_1',
      text: 'hi',
      attachments: [],
      quickReplyPayload: null,
      replyTo: null,
      referral: null,
      metadata: null,
      isUnsupported: false,
      isSelf: false,
    },
    ...overrides,
  };
}

describe(validateTopicPayload.name, () => {
  it('accepts a valid inbound event', () => {
    expect(validateTopicPayload(Topics.messagingInbound, inboundMessage())).toEqual({ valid: true, errors: [] });
  });

  it.each<[string, unknown]>([
    ['a kind whose detail is missing', { ...inboundMessage(), kind: 'reaction' }],
    ['an unknown channel', inboundMessage({ channel: 'whatsapp' as 'messenger' })],
    ['a conversation id of another shape', inboundMessage({ conversationId: 'messenger' })],
    ['an event id that is not a UUID', inboundMessage({ eventId: 'abc' })],
    ['a time that is not RFC 3339', inboundMessage({ occurredAt: 'yesterday' })],
    ['a message without mid', { ...inboundMessage(), message: { text: 'hi' } }],
  ])('rejects %s', (_case, value) => {
    expect(validateTopicPayload(Topics.messagingInbound, value).valid).toBe(false);
  });

  it('validates a raw delivery and a callback', () => {
    expect(validateTopicPayload(Topics.webhookReceived, { object: 'page', entry: [] }).valid).toBe(true);
    expect(validateTopicPayload(Topics.webhookReceived, { object: 'user', entry: [] }).valid).toBe(false);
    const callbackId = metaCallbackId('data_deletion', 'abc');
    const callback = {
      callbackId,
      kind: 'data_deletion',
      appScopedUserId: '218471',
      issuedAt: '2010-12-08T19:33:20.000Z',
      receivedAt: '2026-01-01T00:00:00.000Z',
      confirmationCode: deletionConfirmationCode(callbackId),
      statusUrl: 'https://parley.example/privacy/deletion?code=X',
      payload: { user_id: '218471' },
    };
    expect(validateTopicPayload(Topics.metaCallbackReceived, callback)).toEqual({ valid: true, errors: [] });
  });

  it('refuses a topic whose schema is not registered', () => {
    const unregistered = 'no.such.topic.v1' as TopicName;
    expect(validateTopicPayload(unregistered, {})).toEqual({
      valid: false,
      errors: [`no schema registered for ${unregistered}`],
    });
  });
});

describe(inboundEventId.name, () => {
  it.each([
    [{ channel: 'messenger', accountId: '1', kind: 'message', naturalKey: 'm_1' }],
    [{ channel: 'instagram', accountId: '1', kind: 'message', naturalKey: 'm_1' }],
    [{ channel: 'messenger', accountId: '2', kind: 'message', naturalKey: 'm_1' }],
    [{ channel: 'messenger', accountId: '1', kind: 'echo', naturalKey: 'm_1' }],
  ] as const)('is a stable name-based UUID for %j', (parts) => {
    expect(inboundEventId(parts)).toMatch(UUID);
    expect(inboundEventId({ ...parts })).toBe(inboundEventId(parts));
  });

  it('differs when any part differs', () => {
    const ids = [
      inboundEventId({ channel: 'messenger', accountId: '1', kind: 'message', naturalKey: 'm_1' }),
      inboundEventId({ channel: 'instagram', accountId: '1', kind: 'message', naturalKey: 'm_1' }),
      inboundEventId({ channel: 'messenger', accountId: '2', kind: 'message', naturalKey: 'm_1' }),
      inboundEventId({ channel: 'messenger', accountId: '1', kind: 'echo', naturalKey: 'm_1' }),
      inboundEventId({ channel: 'messenger', accountId: '1', kind: 'message', naturalKey: 'm_2' }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe(webhookDeliveryId.name, () => {
  it('depends on every byte', () => {
    expect(webhookDeliveryId(Buffer.from('{"a":1}'))).toBe(webhookDeliveryId(Buffer.from('{"a":1}')));
    expect(webhookDeliveryId(Buffer.from('{"a":1}'))).not.toBe(webhookDeliveryId(Buffer.from('{"a": 1}')));
  });
});

describe('INBOUND_DETAIL_FIELD', () => {
  it('names one detail property per kind, echo sharing message', () => {
    expect(INBOUND_DETAIL_FIELD.echo).toBe('message');
    expect(INBOUND_DETAIL_FIELD.policy_enforcement).toBe('policyEnforcement');
  });
});
