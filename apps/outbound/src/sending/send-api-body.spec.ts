import { OutboundContent, OutboundRequestEvent } from '@app/contracts';
import { messageIdFromMetadata, parleyMetadata, sendApiBody, sendKindOf } from './send-api-body';

const ID = '0b6f4a52-7c1e-4d3a-9f5e-2a1b3c4d5e6f';
const request = (content: OutboundContent, overrides: Partial<OutboundRequestEvent> = {}): OutboundRequestEvent => ({
  messageId: ID,
  tenantId: 't',
  channel: 'messenger',
  accountId: '1122',
  recipientId: '6543',
  conversationId: 'messenger:1122:6543',
  messagingType: 'RESPONSE',
  tag: null,
  content,
  acceptedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});
const metadata = `parley:${ID}`;

describe(sendApiBody.name, () => {
  it.each<[string, OutboundRequestEvent, Record<string, unknown>]>([
    [
      'text with quick replies',
      request({ text: 'Blue?', quickReplies: [{ contentType: 'text', title: 'Blue', payload: 'BLUE' }] }),
      {
        recipient: { id: '6543' },
        messaging_type: 'RESPONSE',
        message: { text: 'Blue?', quick_replies: [{ content_type: 'text', title: 'Blue', payload: 'BLUE' }], metadata },
      },
    ],
    [
      'an image by URL, made reusable',
      request({ attachment: { type: 'image', url: 'https://cdn.example/a.png' } }),
      {
        recipient: { id: '6543' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: { type: 'image', payload: { url: 'https://cdn.example/a.png', is_reusable: true } },
          metadata,
        },
      },
    ],
    [
      'a file by attachment id',
      request({ attachment: { type: 'file', attachmentId: '1857' } }),
      {
        recipient: { id: '6543' },
        messaging_type: 'RESPONSE',
        message: { attachment: { type: 'file', payload: { attachment_id: '1857' } }, metadata },
      },
    ],
    [
      'a generic template',
      request({
        template: {
          type: 'generic',
          elements: [
            {
              title: 'Shoe',
              imageUrl: 'https://x.example/s.png',
              defaultActionUrl: 'https://x.example/s',
              buttons: [{ type: 'web_url', title: 'Buy', url: 'https://x.example/b' }],
            },
          ],
        },
      }),
      {
        recipient: { id: '6543' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'generic',
              elements: [
                {
                  title: 'Shoe',
                  image_url: 'https://x.example/s.png',
                  default_action: { type: 'web_url', url: 'https://x.example/s' },
                  buttons: [{ type: 'web_url', title: 'Buy', url: 'https://x.example/b' }],
                },
              ],
            },
          },
          metadata,
        },
      },
    ],
    [
      'a button template',
      request({
        template: { type: 'button', text: 'Pick', buttons: [{ type: 'postback', title: 'A', payload: 'PA' }] },
      }),
      {
        recipient: { id: '6543' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'button',
              text: 'Pick',
              buttons: [{ type: 'postback', title: 'A', payload: 'PA' }],
            },
          },
          metadata,
        },
      },
    ],
    [
      'a media template',
      request({ template: { type: 'media', elements: [{ mediaType: 'video', attachmentId: '77' }] } }),
      {
        recipient: { id: '6543' },
        messaging_type: 'RESPONSE',
        message: {
          attachment: {
            type: 'template',
            payload: { template_type: 'media', elements: [{ media_type: 'video', attachment_id: '77' }] },
          },
          metadata,
        },
      },
    ],
    [
      'a tagged Instagram reply',
      request(
        { text: 'Update', replyTo: 'aWdfMID' },
        { channel: 'instagram', messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' },
      ),
      {
        recipient: { id: '6543' },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
        message: { text: 'Update', metadata },
        reply_to: { mid: 'aWdfMID' },
      },
    ],
    [
      'a reaction as a sender action',
      request({ reaction: { messageId: 'aWdf', action: 'react', reaction: 'love' } }, { channel: 'instagram' }),
      { recipient: { id: '6543' }, sender_action: 'react', payload: { message_id: 'aWdf', reaction: 'love' } },
    ],
    [
      'an unreact',
      request({ reaction: { messageId: 'aWdf', action: 'unreact', reaction: 'love' } }),
      { recipient: { id: '6543' }, sender_action: 'unreact', payload: { message_id: 'aWdf' } },
    ],
  ])('%s', (_name, value, expected) => {
    expect(sendApiBody(value)).toEqual(expected);
  });
});

describe(sendKindOf.name, () => {
  it.each<[string, OutboundContent, string]>([
    ['text', { text: 'a' }, 'text'],
    ['image', { attachment: { type: 'image', url: 'https://x.example/a' } }, 'text'],
    ['audio', { attachment: { type: 'audio', url: 'https://x.example/a' } }, 'media'],
    ['video', { attachment: { type: 'video', attachmentId: '1' } }, 'media'],
    [
      'video media template',
      { template: { type: 'media', elements: [{ mediaType: 'video', attachmentId: '1' }] } },
      'media',
    ],
  ])('%s', (_name, content, expected) => {
    expect(sendKindOf(content)).toBe(expected);
  });
});

describe(messageIdFromMetadata.name, () => {
  it('reads back the id it wrote and ignores foreign metadata', () => {
    expect(messageIdFromMetadata(parleyMetadata(ID))).toBe(ID);
    expect(messageIdFromMetadata('crm:123')).toBeNull();
    expect(messageIdFromMetadata(null)).toBeNull();
  });
});
