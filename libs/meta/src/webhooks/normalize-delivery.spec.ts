import { resolve } from 'node:path';
import { InboundEvent, Topics, validateTopicPayload } from '@app/contracts';
import { loadMetaFixtures } from './meta-fixtures';
import { classifyMessagingItem, isoTime, normalizeDelivery } from './normalize-delivery';
import { DEFAULT_WEBHOOK_BODY_LIMITS, parseWebhookBody } from './webhook-body';
import { MetaMessagingItem, MetaWebhookDelivery } from './webhook-payload.types';

const fixtures = loadMetaFixtures(resolve(__dirname, '../../../..', '../shared/meta-fixtures'));
const context = {
  deliveryId: '00000000-0000-5000-8000-000000000000',
  receivedAt: new Date('2026-01-02T03:04:05.000Z'),
};

function deliveryOf(bytes: Buffer): MetaWebhookDelivery {
  const parsed = parseWebhookBody(bytes, DEFAULT_WEBHOOK_BODY_LIMITS);
  if (!parsed.ok) throw new Error(`fixture rejected: ${parsed.reason}`);
  return parsed.delivery;
}

function eventsOf(id: string): InboundEvent[] {
  const fixture = fixtures.find((f) => f.id.startsWith(id));
  if (!fixture) throw new Error(`no fixture ${id}`);
  return normalizeDelivery(deliveryOf(fixture.bytes), context).events;
}

describe(normalizeDelivery.name, () => {
  it('reads the whole corpus', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(100);
  });

  describe.each(fixtures.filter((f) => f.expect.status === '2xx').map((f) => [f.id, f] as const))(
    '%s',
    (_id, fixture) => {
      const delivery = deliveryOf(fixture.bytes);
      const sut = normalizeDelivery(delivery, context);

      it('counts every messaging and standby item and keeps one event per distinct item', () => {
        expect(sut.items).toBe(fixture.expect.messagingEvents);
        expect(sut.events).toHaveLength(fixture.expect.distinctEvents);
        expect(new Set(sut.events.map((e) => e.eventId)).size).toBe(fixture.expect.distinctEvents);
      });

      it('keys every event by its conversation', () => {
        expect([...new Set(sut.events.map((e) => e.conversationId))].sort()).toEqual(
          [...fixture.expect.conversations].sort(),
        );
      });

      it('produces events valid against the messaging.inbound.v1 schema, in channel, with the raw object', () => {
        for (const event of sut.events) {
          expect(validateTopicPayload(Topics.messagingInbound, event)).toEqual({ valid: true, errors: [] });
          expect(event.channel).toBe(fixture.channel);
          expect(event.conversationId.startsWith(`${event.channel}:${event.accountId}`)).toBe(true);
        }
        const items = delivery.entry.flatMap((e) => [...(e.messaging ?? []), ...(e.standby ?? [])]);
        expect(sut.events.map((e) => e.raw)).toEqual(
          items.slice(0, sut.events.length).map((i) => expect.objectContaining(i)),
        );
      });

      it('derives the same ids from the same delivery', () => {
        const again = normalizeDelivery(deliveryOf(Buffer.from(fixture.bytes)), { ...context, receivedAt: new Date() });
        expect(again.events.map((e) => e.eventId)).toEqual(sut.events.map((e) => e.eventId));
      });
    },
  );

  it('gives distinct events of different fixtures distinct ids', () => {
    const ids = fixtures
      .filter((f) => f.expect.status === '2xx' && !f.id.includes('redelivery'))
      .flatMap((f) => normalizeDelivery(deliveryOf(f.bytes), context).events.map((e) => e.eventId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives a redelivered event the id of the first delivery although the entry time differs', () => {
    const [first] = eventsOf('082');
    const [again] = eventsOf('083');
    expect(again.eventId).toBe(first.eventId);
  });

  it.each<[string, Record<string, unknown>]>([
    [
      '001',
      {
        kind: 'message',
        personId: '5678',
        accountId: '1234567890',
        message: expect.objectContaining({ mid: 'external_id', text: 'Hello World' }),
      },
    ],
    [
      '002',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'image', url: 'https://image-url/foo.png' })],
        }),
      },
    ],
    [
      '003',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'location', coordinates: { lat: 1.2, long: -1.3 } })],
        }),
      },
    ],
    [
      '004',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'fallback', title: 'Foo', url: 'My Documents/foo.doc' })],
        }),
      },
    ],
    [
      '005',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'image', stickerId: '369239263222822' })],
        }),
      },
    ],
    [
      '006',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'ig_reel', mediaId: '123451234512345' })],
        }),
      },
    ],
    [
      '007',
      { kind: 'delivery', delivery: { mids: ['mid.1458668856218:ed81099e15d3f4f233'], watermark: 1458668856253 } },
    ],
    [
      '008',
      {
        kind: 'postback',
        postback: expect.objectContaining({
          payload: 'postback payload',
          title: 'postback title',
          referral: expect.objectContaining({ ref: 'postback ref' }),
        }),
      },
    ],
    [
      '011',
      {
        kind: 'referral',
        userRef: '7100000000011010',
        referral: expect.objectContaining({ ref: 'referral id', adId: 'ad id' }),
      },
    ],
    ['012', { kind: 'referral', occurredAt: '2023-12-03T10:25:11.000Z' }],
    [
      '014',
      {
        kind: 'optin',
        userRef: 'optin_user_ref',
        optin: expect.objectContaining({ ref: 'optin_ref', userRef: 'optin_user_ref' }),
      },
    ],
    [
      '015',
      {
        kind: 'optin',
        optin: expect.objectContaining({
          type: 'notification_messages',
          notificationMessagesToken: '12345678901234567890',
          tokenExpiresAt: '2038-01-01T00:00:00.000Z',
          notificationMessagesTimezone: 'UTC',
        }),
      },
    ],
    ['017', { kind: 'unknown', unknown: { bodyKeys: [] } }],
    [
      '021',
      {
        kind: 'echo',
        isEcho: true,
        appId: '1559999994822905',
        personId: '1256299999730577',
        accountId: '17175299999834678',
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'template', title: 'Samsung Gear VR, Oculus Rift' })],
        }),
      },
    ],
    [
      '022',
      {
        kind: 'echo',
        appId: '1517776481860111',
        message: expect.objectContaining({
          metadata: 'DEVELOPER_DEFINED_METADATA_STRING',
          text: 'hello, text message world!',
        }),
      },
    ],
    [
      '023',
      {
        message: expect.objectContaining({
          attachments: [
            expect.objectContaining({ type: 'image' }),
            expect.objectContaining({
              type: 'fallback',
              url: '<URL_OF_THE_ATTACHMENT>',
              title: '<TITLE_OF_THE_URL_ATTACHMENT>',
              payload: null,
            }),
            expect.objectContaining({ type: 'location' }),
          ],
        }),
      },
    ],
    ['024', { message: expect.objectContaining({ quickReplyPayload: 'DEVELOPER_DEFINED_PAYLOAD' }) }],
    [
      '028',
      {
        kind: 'referral',
        referral: expect.objectContaining({ source: 'ADS', adId: '<ID OF THE AD>', type: 'OPEN_THREAD' }),
      },
    ],
    [
      '031',
      {
        kind: 'account_linking',
        accountLinking: { status: 'linked', authorizationCode: 'PASS_THROUGH_AUTHORIZATION_CODE' },
        occurredAt: '2009-02-13T23:31:30.000Z',
      },
    ],
    ['032', { kind: 'read', read: { watermark: 1458668856253, mid: null } }],
    [
      '033',
      {
        kind: 'delivery',
        delivery: { mids: [], watermark: 1458668856253 },
        occurredAt: new Date(1458692752478).toISOString(),
      },
    ],
    ['034', { kind: 'unknown', unknown: { bodyKeys: ['EVENT_TYPE_THAT_IS_UNSUPPORTED'] } }],
    [
      '035',
      {
        kind: 'optin',
        personId: null,
        userRef: 'REF_FROM_CHECKBOX_PLUGIN',
        conversationId: 'messenger:1990000000000043',
      },
    ],
    ['040', { kind: 'unknown', unknown: { bodyKeys: ['checkout_update'] } }],
    ['047', { kind: 'echo', appId: '1821152484774199', conversationId: 'messenger:1134713619900975:1244813222196986' }],
    [
      '052',
      {
        kind: 'handover',
        personId: null,
        handover: expect.objectContaining({ action: 'app_roles', appRoles: { '123456789': ['automation'] } }),
      },
    ],
    [
      '053',
      {
        kind: 'policy_enforcement',
        conversationId: 'messenger:404217156637689',
        policyEnforcement: expect.objectContaining({ action: 'block' }),
      },
    ],
    [
      '055',
      {
        kind: 'referral',
        referral: expect.objectContaining({ source: 'CUSTOMER_CHAT_PLUGIN', refererUri: 'https://test.domain.tw/' }),
      },
    ],
    [
      '057',
      {
        kind: 'reaction',
        reaction: { mid: 'mid.$cAAE1UUyiiwthh0NPrVbVf4HFNDGl', action: 'react', reaction: 'smile', emoji: '❤️' },
      },
    ],
    ['058', { kind: 'reaction', reaction: expect.objectContaining({ action: 'unreact' }) }],
    ['059', { kind: 'postback', isStandby: true, postback: { mid: null, title: null, payload: null, referral: null } }],
    [
      '061',
      {
        kind: 'handover',
        handover: expect.objectContaining({
          action: 'pass',
          newOwnerAppId: '123456789',
          metadata: 'Additional content that the caller wants to set',
        }),
      },
    ],
    [
      '062',
      { kind: 'handover', handover: expect.objectContaining({ action: 'take', previousOwnerAppId: '123456789' }) },
    ],
    [
      '063',
      { kind: 'handover', handover: expect.objectContaining({ action: 'request', requestedOwnerAppId: '123456789' }) },
    ],
    [
      '065',
      { kind: 'reaction', reaction: { mid: 'original_message_id', action: 'unreact', reaction: null, emoji: null } },
    ],
    ['066', { message: expect.objectContaining({ attachments: [expect.objectContaining({ type: 'template' })] }) }],
    [
      '067',
      { kind: 'edit', edit: { mid: 'mid.1457764197618:41d102a3e1ae206a38', text: 'hello, world!', numEdit: 37 } },
    ],
    [
      '068',
      {
        message: expect.objectContaining({
          replyTo: { mid: 'very_long_id_representing_the_original_message', isSelfReply: null, story: null },
        }),
      },
    ],
    ['069', { kind: 'message', message: expect.objectContaining({ isUnsupported: true, mid: 'message_id' }) }],
    ['070', { kind: 'unsend', unsend: { mid: 'message_id.r070' } }],
    ['072', { kind: 'message', channel: 'instagram', conversationId: 'instagram:1234567890:5678' }],
    [
      '074',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'story_mention', url: 'https://story-url' })],
        }),
      },
    ],
    [
      '075',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'like_heart', url: null, payload: null })],
        }),
      },
    ],
    [
      '076',
      {
        kind: 'postback',
        channel: 'instagram',
        postback: expect.objectContaining({ payload: 'get_started', title: 'icebreaker question' }),
      },
    ],
    ['077', { kind: 'unsend', channel: 'instagram', unsend: { mid: 'external_id.r077' } }],
    ['085', { message: expect.objectContaining({ text: 'Vocês fazem entrega para São Paulo?' }) }],
    ['086', { kind: 'echo', isEcho: true, appId: null, personId: '2149642518895477', accountId: '17841403506636395' }],
    ['088', { message: expect.objectContaining({ text: 'Adorei os produtos! 😍🛍️' }) }],
    [
      '089',
      { message: expect.objectContaining({ attachments: [expect.objectContaining({ type: 'unsupported_type' })] }) },
    ],
    ['090', { kind: 'read', channel: 'instagram', read: { watermark: null, mid: 'MESSAGE-ID' } }],
    [
      '095',
      {
        message: expect.objectContaining({
          replyTo: {
            mid: null,
            isSelfReply: null,
            story: { id: '1990000000000083', url: 'https://chatwoot-assets.local/sample.png' },
          },
        }),
      },
    ],
    [
      '097',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'share', url: 'https://www.example.com/test.jpeg' })],
        }),
      },
    ],
    [
      '098',
      {
        message: expect.objectContaining({
          attachments: [expect.objectContaining({ type: 'ig_reel', mediaId: '1234', title: 'Reel title' })],
        }),
      },
    ],
    [
      '099',
      {
        message: expect.objectContaining({
          attachments: [
            expect.objectContaining({
              type: 'ig_story',
              mediaId: '17949487764033669',
              url: expect.stringContaining('lookaside'),
            }),
          ],
        }),
      },
    ],
    [
      '100',
      {
        message: expect.objectContaining({
          attachments: [
            expect.objectContaining({ type: 'ig_post', mediaId: '18091626484740369', title: 'Shared Instagram post' }),
          ],
        }),
      },
    ],
    ['101', { kind: 'message', channel: 'instagram', message: expect.objectContaining({ isUnsupported: true }) }],
    ['102', { kind: 'message', isStandby: true, channel: 'instagram' }],
    [
      '103',
      {
        kind: 'reaction',
        channel: 'instagram',
        reaction: expect.objectContaining({ action: 'react', reaction: 'like', emoji: '👍' }),
      },
    ],
    ['104', { kind: 'edit', channel: 'instagram', edit: expect.objectContaining({ numEdit: 0, text: null }) }],
  ])('normalizes fixture %s', (id, expected) => {
    const [sut] = eventsOf(id);
    expect(sut).toMatchObject(expected);
  });

  it('keeps every digit of ids beyond 2^53', () => {
    const body = Buffer.from(
      '{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"1"},"recipient":{"id":"2"},"timestamp":1,"message":{"is_echo":true,"app_id":12345678901234567890,"mid":"m_1"}}]}]}',
    );
    const [sut] = normalizeDelivery(deliveryOf(body), context).events;
    expect(sut.appId).toBe('12345678901234567890');
    expect(sut.raw).toMatchObject({ message: { app_id: '12345678901234567890' } });
  });
});

describe(classifyMessagingItem.name, () => {
  it.each<[MetaMessagingItem, string]>([
    [{ message: { mid: 'm', text: 'x' } }, 'message'],
    [{ message: { mid: 'm', is_echo: true } }, 'echo'],
    [{ message: { mid: 'm', is_deleted: true } }, 'unsend'],
    [{ message_edit: { mid: 'm' } }, 'edit'],
    [{ reaction: { mid: 'm' } }, 'reaction'],
    [{ read: { watermark: 1 } }, 'read'],
    [{ delivery: { watermark: 1 } }, 'delivery'],
    [{ postback: {} }, 'postback'],
    [{ referral: {} }, 'referral'],
    [{ optin: {} }, 'optin'],
    [{ pass_thread_control: {} }, 'handover'],
    [{ take_thread_control: {} }, 'handover'],
    [{ request_thread_control: {} }, 'handover'],
    [{ app_roles: {} }, 'handover'],
    [{ policy_enforcement: {} }, 'policy_enforcement'],
    [{ 'policy-enforcement': {} }, 'policy_enforcement'],
    [{ account_linking: {} }, 'account_linking'],
    [{ game_play: {} }, 'unknown'],
    [{ message: 'not an object' } as unknown as MetaMessagingItem, 'unknown'],
    [{}, 'unknown'],
  ])('classifies %j as %s', (item, kind) => {
    expect(classifyMessagingItem(item)).toBe(kind);
  });
});

describe(isoTime.name, () => {
  it.each<[unknown, string | null]>([
    [1459991487970, '2016-04-07T01:11:27.970Z'],
    [1701599111, '2023-12-03T10:25:11.000Z'],
    ['1459991487970', '2016-04-07T01:11:27.970Z'],
    [0, null],
    [-5, null],
    ['soon', null],
    [undefined, null],
    [1e20, null],
  ])('reads %j as %j', (value, expected) => {
    expect(isoTime(value)).toBe(expected);
  });
});
