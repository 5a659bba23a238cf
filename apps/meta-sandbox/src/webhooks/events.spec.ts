import { firstItem, shapeOf } from '../../../../test/integration/meta-sandbox/support/json-shape';
import {
  deliveryEvent,
  echoEvent,
  handoverEvent,
  messageEditEvent,
  messageEvent,
  MessagingItem,
  Party,
  postbackEvent,
  reactionEvent,
  readEvent,
  referralEvent,
  routeEvent,
  subscriptionFieldOf,
  unsendEvent,
  userRefOptinEvent,
} from './events';

const page: Party = { channel: 'messenger', accountId: '1000000000000001', scopedId: '7000000000000001' };
const ig: Party = { channel: 'instagram', accountId: '17841400000000001', scopedId: '8000000000000001' };
const t = 1780000000000;
// `seq` was removed from Messenger payloads; older fixtures still carry it.
const legacy = ['seq'];

describe('webhook item builders match real deliveries', () => {
  it.each<[string, MessagingItem, string]>([
    ['text message', messageEvent(page, t, { mid: 'm_1', text: 'hi' }), '001-courier-fba-hello-msg'],
    [
      'attachment',
      messageEvent(page, t, { mid: 'm_1', attachments: [{ type: 'image', payload: { url: 'https://x/y.png' } }] }),
      '002-courier-fba-attachment',
    ],
    [
      'Instagram story mention',
      messageEvent(ig, t, { mid: 'aWdf', attachments: [{ type: 'story_mention', payload: { url: 'https://cdn/s' } }] }),
      '074-courier-ig-story-mention',
    ],
    [
      'Instagram story reply',
      messageEvent(ig, t, { mid: 'aWdf', text: 'wow', replyTo: { story: { id: '1', url: 'https://cdn/s' } } }),
      '095-chatwoot-ig-story-reply',
    ],
    [
      'Instagram reply to a message',
      messageEvent(ig, t, { mid: 'aWdf', text: 'yes', replyTo: { mid: 'aWdf0' } }),
      '096-chatwoot-ig-message-reply',
    ],
    [
      'Messenger echo with metadata',
      echoEvent(page, t, { mid: 'm_2', appId: '2000000000000001', metadata: 'x', text: 'hello' }),
      '022-messenger4j-text-echo-metadata',
    ],
    ['delivery', deliveryEvent(page, t, ['m_2'], t), '007-courier-fba-dlr'],
    ['Messenger read', readEvent(page, t, { watermark: t }), '032-messenger4j-read'],
    ['Instagram seen', readEvent(ig, t, { mid: 'aWdf' }), '090-restfb-ig-messaging-seen'],
    [
      'Instagram reaction',
      reactionEvent(ig, t, { mid: 'aWdf', action: 'react', reaction: 'like', emoji: '👍' }),
      '103-issue-ig-reaction-like',
    ],
    [
      'referral',
      referralEvent(page, t, { ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD' }),
      '027-messenger4j-referral-shortlink',
    ],
    ['checkbox opt-in', userRefOptinEvent(page.accountId, t, 'PASS', 'ref-1'), '035-messenger4j-optin-user-ref-only'],
    ['Instagram unsend', unsendEvent(ig, t, 'aWdf'), '077-courier-ig-unsent-msg'],
  ])('%s', (_label, sut, fixture) => {
    expect(shapeOf(sut, legacy)).toEqual(shapeOf(firstItem(fixture), legacy));
  });

  it('postback carries mid, title, payload and referral', () => {
    const sut = postbackEvent(page, t, {
      mid: 'm_3',
      title: 'Start',
      payload: 'GET_STARTED',
      referral: { ref: 'r', source: 'ADS', type: 'OPEN_THREAD', ad_id: '9' },
    });

    expect(shapeOf(sut)).toEqual(
      shapeOf({
        ...firstItem('009-courier-fba-postback-referral'),
        postback: { ...(firstItem('009-courier-fba-postback-referral').postback as object), mid: 'm' },
      }),
    );
  });

  it('message_edit follows the documented shape (mid, text, num_edit as a number)', () => {
    expect(messageEditEvent(page, t, 'm_1', 'edited', 2)).toEqual({
      sender: { id: page.scopedId },
      recipient: { id: page.accountId },
      timestamp: t,
      message_edit: { mid: 'm_1', text: 'edited', num_edit: 2 },
    });
  });

  it('echo emits app_id as a JSON number, sent by the Page to the person', () => {
    const sut = echoEvent(page, t, { mid: 'm_2', appId: '2000000000000001', text: 'hello' });

    expect(sut.sender).toEqual({ id: page.accountId });
    expect(sut.recipient).toEqual({ id: page.scopedId });
    expect(sut.message).toEqual({ is_echo: true, app_id: 2000000000000001, mid: 'm_2', text: 'hello' });
  });

  it('handover items carry previous and new owner', () => {
    const sut = handoverEvent(page, t, {
      kind: 'pass_thread_control',
      previousOwnerAppId: null,
      newOwnerAppId: '263902037430900',
      metadata: 'escalate',
    });

    expect(sut.pass_thread_control).toEqual({
      previous_owner_app_id: null,
      new_owner_app_id: '263902037430900',
      metadata: 'escalate',
    });
    expect(
      shapeOf(handoverEvent(page, t, { kind: 'request_thread_control', requestedOwnerAppId: '1', metadata: 'm' })),
    ).toEqual(shapeOf(firstItem('063-tock-request-thread-control')));
  });

  it('unreact drops reaction and emoji', () => {
    expect(reactionEvent(page, t, { mid: 'm_1', action: 'unreact', reaction: 'love' }).reaction).toEqual({
      mid: 'm_1',
      action: 'unreact',
    });
  });
});

describe(subscriptionFieldOf.name, () => {
  it.each<[string, Party, MessagingItem, string]>([
    ['Messenger message', page, messageEvent(page, t, { mid: 'm', text: 'x' }), 'messages'],
    ['Messenger echo', page, echoEvent(page, t, { mid: 'm', appId: '1', text: 'x' }), 'message_echoes'],
    ['Instagram echo', ig, echoEvent(ig, t, { mid: 'm', appId: '1', text: 'x' }), 'messages'],
    ['Messenger read', page, readEvent(page, t, { watermark: t }), 'message_reads'],
    ['Instagram seen', ig, readEvent(ig, t, { mid: 'm' }), 'messaging_seen'],
    ['delivery', page, deliveryEvent(page, t, [], t), 'message_deliveries'],
    ['edit', page, messageEditEvent(page, t, 'm', 'x', 1), 'message_edits'],
    [
      'handover',
      page,
      handoverEvent(page, t, { kind: 'take_thread_control', previousOwnerAppId: '1', newOwnerAppId: '2' }),
      'messaging_handovers',
    ],
  ])('%s', (_label, party, item, field) => {
    expect(subscriptionFieldOf(party.channel, item)).toBe(field);
  });
});

describe(routeEvent.name, () => {
  const message = messageEvent(page, t, { mid: 'm', text: 'x' });
  const postback = postbackEvent(page, t, { mid: 'm', title: 'Go', payload: 'SECRET' });
  const all = ['messages', 'messaging_postbacks', 'standby'];

  it('delivers to every subscriber in messaging when nobody owns the thread', () => {
    const sut = routeEvent(
      'messenger',
      message,
      [
        { appId: 'a', fields: all },
        { appId: 'b', fields: ['messages'] },
      ],
      null,
    );

    expect(sut.map((r) => [r.appId, r.kind])).toEqual([
      ['a', 'messaging'],
      ['b', 'messaging'],
    ]);
  });

  it('gives the owner messaging and the others standby, postbacks without payload', () => {
    const sut = routeEvent(
      'messenger',
      postback,
      [
        { appId: 'a', fields: all },
        { appId: 'b', fields: all },
      ],
      'b',
    );

    expect(sut.map((r) => [r.appId, r.kind])).toEqual([
      ['a', 'standby'],
      ['b', 'messaging'],
    ]);
    expect(sut[0].item.postback).toEqual({ mid: 'm', title: 'Go' });
    expect(sut[1].item.postback).toEqual({ mid: 'm', title: 'Go', payload: 'SECRET' });
  });

  it('skips apps not subscribed to the field or to standby', () => {
    const sut = routeEvent(
      'messenger',
      message,
      [
        { appId: 'a', fields: ['message_reads'] },
        { appId: 'b', fields: ['messages'] },
      ],
      'c',
    );

    expect(sut).toEqual([]);
  });

  it('accepts singular spellings of plural fields', () => {
    const referral = referralEvent(ig, t, { source: 'SHORTLINK', type: 'OPEN_THREAD', ref: 'x' });

    expect(routeEvent('instagram', referral, [{ appId: 'a', fields: ['messaging_referral'] }], null)).toHaveLength(1);
  });
});
