import { Channel, GraphError } from '../graph/graph-error';
import { JsonObject, parseSendRequest } from './send-request';

const recipient = { id: '7000000000000001' };
const text = (t: string): JsonObject => ({ recipient, messaging_type: 'RESPONSE', message: { text: t } });
const withMessage = (message: JsonObject, extra: JsonObject = {}): JsonObject => ({
  recipient,
  messaging_type: 'RESPONSE',
  message,
  ...extra,
});
const quickReplies = (n: number, contentType = 'text') =>
  Array.from({ length: n }, (_, i) => ({ content_type: contentType, title: `Option ${i}`, payload: `P${i}` }));
const image = (url: string) => ({ type: 'image', payload: { url } });
const generic = (elements: unknown[]) => ({
  attachment: { type: 'template', payload: { template_type: 'generic', elements } },
});

function errorOf(params: JsonObject, channel: Channel): { code: number; subcode?: number; message: string } | null {
  try {
    parseSendRequest(params, channel);
    return null;
  } catch (e) {
    if (!(e instanceof GraphError)) throw e;
    return { code: e.code, ...(e.subcode !== undefined && { subcode: e.subcode }), message: e.message };
  }
}

describe(parseSendRequest.name, () => {
  describe('accepts', () => {
    it.each<[string, JsonObject, Channel]>([
      ['plain text', text('hello'), 'messenger'],
      ['2000 characters on Messenger (emoji count once)', text('😍'.repeat(2000)), 'messenger'],
      ['1000 bytes on Instagram', text('a'.repeat(1000)), 'instagram'],
      ['Instagram without messaging_type', { recipient, message: { text: 'hi' } }, 'instagram'],
      ['13 quick replies', withMessage({ text: 'pick', quick_replies: quickReplies(13) }), 'messenger'],
      [
        'phone quick reply on Messenger',
        withMessage({ text: 'x', quick_replies: [{ content_type: 'user_phone_number' }] }),
        'messenger',
      ],
      [
        'image by URL, reusable',
        withMessage({ attachment: { type: 'image', payload: { url: 'https://a.example/x.png', is_reusable: true } } }),
        'messenger',
      ],
      [
        'attachment by id',
        withMessage({ attachment: { type: 'file', payload: { attachment_id: '123' } } }),
        'instagram',
      ],
      [
        '30 images on Messenger',
        withMessage({ attachments: Array.from({ length: 30 }, () => image('https://a.example/i.png')) }),
        'messenger',
      ],
      ['like_heart on Instagram', withMessage({ attachment: { type: 'like_heart' } }), 'instagram'],
      ['sticker on Messenger', withMessage({ sticker_id: '369239263222822' }), 'messenger'],
      [
        'generic template',
        withMessage(
          generic([{ title: 'Shoe', subtitle: 'Red', buttons: [{ type: 'postback', title: 'Buy', payload: 'BUY' }] }]),
        ),
        'instagram',
      ],
      [
        'button template',
        withMessage({
          attachment: {
            type: 'template',
            payload: {
              template_type: 'button',
              text: 'Go',
              buttons: [{ type: 'web_url', url: 'https://a.example', title: 'Open' }],
            },
          },
        }),
        'messenger',
      ],
      ['HUMAN_AGENT tag', { ...text('later'), messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }, 'instagram'],
      ['reply_to', withMessage({ text: 'yes' }, { reply_to: { mid: 'aWdf1' } }), 'instagram'],
      [
        'form-encoded JSON strings',
        { recipient: JSON.stringify(recipient), messaging_type: 'UPDATE', message: '{"text":"hi"}' },
        'messenger',
      ],
      ['typing_on', { recipient, sender_action: 'typing_on' }, 'messenger'],
      [
        'react on Messenger with any emoji',
        { recipient, sender_action: 'react', payload: { message_id: 'm_1', reaction: '😂' } },
        'messenger',
      ],
      ['unreact', { recipient, sender_action: 'unreact', payload: { message_id: 'm_1' } }, 'instagram'],
    ])('%s', (_label, params, channel) => {
      expect(errorOf(params, channel)).toBeNull();
    });
  });

  describe('rejects', () => {
    it.each<[string, JsonObject, Channel, { code: number; subcode?: number }]>([
      ['missing recipient', { messaging_type: 'RESPONSE', message: { text: 'x' } }, 'messenger', { code: 100 }],
      ['missing messaging_type on Messenger', { recipient, message: { text: 'x' } }, 'messenger', { code: 100 }],
      ['unknown messaging_type', { ...text('x'), messaging_type: 'PROMO' }, 'messenger', { code: 100 }],
      ['2001 characters on Messenger', text('a'.repeat(2001)), 'messenger', { code: 100 }],
      ['1001 bytes on Instagram', text('é'.repeat(500) + 'a'), 'instagram', { code: 100 }],
      ['14 quick replies', withMessage({ text: 'x', quick_replies: quickReplies(14) }), 'messenger', { code: 100 }],
      [
        'quick reply title over 20',
        withMessage({ text: 'x', quick_replies: [{ content_type: 'text', title: 'a'.repeat(21), payload: 'p' }] }),
        'messenger',
        { code: 100 },
      ],
      [
        'phone quick reply on Instagram',
        withMessage({ text: 'x', quick_replies: [{ content_type: 'user_phone_number' }] }),
        'instagram',
        { code: 100 },
      ],
      [
        'email quick reply on Instagram',
        withMessage({ text: 'x', quick_replies: [{ content_type: 'user_email' }] }),
        'instagram',
        { code: 100 },
      ],
      ['empty message', withMessage({}), 'messenger', { code: 100, subcode: 2018034 }],
      [
        'text and attachment together',
        withMessage({ text: 'x', attachment: image('https://a.example/x.png') }),
        'messenger',
        { code: 100 },
      ],
      [
        'attachment URL that cannot be fetched',
        withMessage({ attachment: image('ftp://a.example/x.png') }),
        'messenger',
        { code: 100, subcode: 2018008 },
      ],
      [
        'attachment without url or id',
        withMessage({ attachment: { type: 'image', payload: {} } }),
        'messenger',
        { code: 100 },
      ],
      [
        'unknown attachment type',
        withMessage({ attachment: { type: 'hologram', payload: { url: 'https://a.example' } } }),
        'messenger',
        { code: 100 },
      ],
      [
        '11 images on Instagram',
        withMessage({ attachments: Array.from({ length: 11 }, () => image('https://a.example/i.png')) }),
        'instagram',
        { code: 100 },
      ],
      [
        'a video in a multi-image send',
        withMessage({ attachments: [{ type: 'video', payload: { url: 'https://a.example/v.mp4' } }] }),
        'messenger',
        { code: 100 },
      ],
      [
        '11 generic elements',
        withMessage(generic(Array.from({ length: 11 }, () => ({ title: 't', subtitle: 's' })))),
        'messenger',
        { code: 100 },
      ],
      ['generic element with only a title', withMessage(generic([{ title: 't' }])), 'messenger', { code: 100 }],
      [
        'generic title over 80',
        withMessage(generic([{ title: 'a'.repeat(81), subtitle: 's' }])),
        'messenger',
        { code: 100 },
      ],
      [
        '4 buttons',
        withMessage(
          generic([
            { title: 't', buttons: Array.from({ length: 4 }, () => ({ type: 'postback', title: 'b', payload: 'p' })) },
          ]),
        ),
        'messenger',
        { code: 100 },
      ],
      [
        'phone button on Instagram',
        withMessage(generic([{ title: 't', buttons: [{ type: 'phone_number', title: 'Call', payload: '+1' }] }])),
        'instagram',
        { code: 100 },
      ],
      [
        'deprecated list template',
        withMessage({ attachment: { type: 'template', payload: { template_type: 'list', elements: [] } } }),
        'messenger',
        { code: 100 },
      ],
      [
        'media template on Instagram',
        withMessage({
          attachment: {
            type: 'template',
            payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://a' }] },
          },
        }),
        'instagram',
        { code: 100 },
      ],
      [
        'retired ACCOUNT_UPDATE',
        { ...text('x'), messaging_type: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' },
        'messenger',
        { code: 100 },
      ],
      [
        'retired CONFIRMED_EVENT_UPDATE',
        { ...text('x'), messaging_type: 'MESSAGE_TAG', tag: 'CONFIRMED_EVENT_UPDATE' },
        'messenger',
        { code: 100 },
      ],
      [
        'retired POST_PURCHASE_UPDATE',
        { ...text('x'), messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' },
        'messenger',
        { code: 100 },
      ],
      [
        'CUSTOMER_FEEDBACK on Instagram',
        { ...text('x'), messaging_type: 'MESSAGE_TAG', tag: 'CUSTOMER_FEEDBACK' },
        'instagram',
        { code: 100 },
      ],
      [
        'CUSTOMER_FEEDBACK without its template',
        { ...text('x'), messaging_type: 'MESSAGE_TAG', tag: 'CUSTOMER_FEEDBACK' },
        'messenger',
        { code: 100 },
      ],
      ['MESSAGE_TAG without a tag', { ...text('x'), messaging_type: 'MESSAGE_TAG' }, 'messenger', { code: 100 }],
      ['a tag with RESPONSE', { ...text('x'), tag: 'HUMAN_AGENT' }, 'messenger', { code: 100 }],
      ['sender action with a message', { ...text('x'), sender_action: 'typing_on' }, 'messenger', { code: 100 }],
      ['unknown sender action', { recipient, sender_action: 'dance' }, 'messenger', { code: 100 }],
      [
        'react without message_id',
        { recipient, sender_action: 'react', payload: { reaction: 'love' } },
        'messenger',
        { code: 100 },
      ],
      [
        'non-heart reaction on Instagram',
        { recipient, sender_action: 'react', payload: { message_id: 'm', reaction: 'wow' } },
        'instagram',
        { code: 100 },
      ],
      ['metadata over 1000', withMessage({ text: 'x', metadata: 'm'.repeat(1001) }), 'messenger', { code: 100 }],
      [
        'malformed JSON string',
        { recipient: '{"id":', messaging_type: 'RESPONSE', message: { text: 'x' } },
        'messenger',
        { code: 100 },
      ],
      [
        'two recipient kinds',
        { recipient: { id: '1', user_ref: 'u' }, messaging_type: 'RESPONSE', message: { text: 'x' } },
        'messenger',
        { code: 100 },
      ],
    ])('%s', (_label, params, channel, expected) => {
      const sut = errorOf(params, channel);

      expect(sut).toMatchObject(expected);
      if (expected.subcode === undefined) expect(sut?.subcode).toBeUndefined();
    });
  });

  it('reports the limit in Meta words for text that is too long', () => {
    expect(errorOf(text('a'.repeat(2001)), 'messenger')?.message).toBe(
      '(#100) Length of param message[text] must be less than or equal to 2000',
    );
  });

  it('returns the normalized request', () => {
    const sut = parseSendRequest(
      withMessage(
        { text: 'hi', metadata: 'outbox:1', quick_replies: quickReplies(1) },
        { notification_type: 'NO_PUSH' },
      ),
      'messenger',
    );

    expect(sut).toEqual({
      kind: 'message',
      recipient,
      messagingType: 'RESPONSE',
      tag: undefined,
      notificationType: 'NO_PUSH',
      message: {
        text: 'hi',
        metadata: 'outbox:1',
        quick_replies: [{ content_type: 'text', title: 'Option 0', payload: 'P0' }],
      },
      replyTo: undefined,
      personaId: undefined,
      threadControl: undefined,
    });
  });
});
