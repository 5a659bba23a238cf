import { OutboundContent } from '@app/contracts';
import { FieldProblem, messageProblems, OutboundMessageInput } from './message-rules';

const text = (t: string): OutboundContent => ({ text: t });
const input = (overrides: Partial<OutboundMessageInput> = {}): OutboundMessageInput => ({
  channel: 'messenger',
  messagingType: 'RESPONSE',
  tag: null,
  message: text('hello'),
  ...overrides,
});
const ig = (message: OutboundContent, overrides: Partial<OutboundMessageInput> = {}) =>
  input({ channel: 'instagram', message, ...overrides });
const button = { type: 'postback' as const, title: 'Yes', payload: 'YES' };
const fields = (problems: FieldProblem[]) => problems.map((p) => p.field);

describe(messageProblems.name, () => {
  describe('accepts', () => {
    it.each<[string, OutboundMessageInput]>([
      ['Messenger text of 2000 characters', input({ message: text('é'.repeat(2000)) })],
      ['Instagram text of 1000 bytes', ig(text('a'.repeat(1000)))],
      ['an image by URL', input({ message: { attachment: { type: 'image', url: 'https://cdn.example/a.png' } } })],
      ['a video by attachment id on Instagram', ig({ attachment: { type: 'video', attachmentId: '1857' } })],
      [
        '13 quick replies',
        input({
          message: {
            text: 'pick',
            quickReplies: Array.from({ length: 13 }, (_, i) => ({
              contentType: 'text' as const,
              title: `o${i}`,
              payload: `P${i}`,
            })),
          },
        }),
      ],
      [
        'an email quick reply on Messenger',
        input({ message: { text: 'mail?', quickReplies: [{ contentType: 'user_email' }] } }),
      ],
      ['a button template', input({ message: { template: { type: 'button', text: 'Pick', buttons: [button] } } })],
      [
        'a generic template on Instagram',
        ig({ template: { type: 'generic', elements: [{ title: 'Shoe', subtitle: 'Red', buttons: [button] }] } }),
      ],
      [
        'a media template on Messenger',
        input({ message: { template: { type: 'media', elements: [{ mediaType: 'image', attachmentId: '99' }] } } }),
      ],
      ['a reply on Instagram', ig({ text: 'yes', replyTo: 'aWdfMID' })],
      ['a heart reaction on Instagram', ig({ reaction: { messageId: 'aWdf', action: 'react', reaction: 'love' } })],
      ['an unreact without reaction', ig({ reaction: { messageId: 'aWdf', action: 'unreact' } })],
      ['HUMAN_AGENT with MESSAGE_TAG', input({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })],
      ['HUMAN_AGENT on Instagram', ig(text('hi'), { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })],
      [
        'a file sent with the request, the attachment naming its type',
        input({
          message: { attachment: { type: 'file' }, quickReplies: [{ contentType: 'user_email' }] },
          fileAttached: true,
        }),
      ],
    ])('%s', (_name, value) => {
      expect(messageProblems(value)).toEqual([]);
    });
  });

  describe('refuses', () => {
    it.each<[string, OutboundMessageInput, string[]]>([
      ['Messenger text over 2000 characters', input({ message: text('a'.repeat(2001)) }), ['message.text']],
      ['Instagram text over 1000 bytes (emoji count four)', ig(text('😀'.repeat(251))), ['message.text']],
      ['empty text', input({ message: text('') }), ['message.text']],
      ['no content', input({ message: {} }), ['message']],
      [
        'text and attachment together',
        input({ message: { text: 'a', attachment: { type: 'image', url: 'https://x.example/a' } } }),
        ['message'],
      ],
      [
        'an attachment with URL and id',
        input({ message: { attachment: { type: 'file', url: 'https://x.example/a', attachmentId: '1' } } }),
        ['message.attachment'],
      ],
      [
        'an attachment URL that is not http',
        input({ message: { attachment: { type: 'file', url: 'ftp://x.example/a' } } }),
        ['message.attachment.url'],
      ],
      [
        '14 quick replies',
        input({
          message: {
            text: 'pick',
            quickReplies: Array.from({ length: 14 }, () => ({
              contentType: 'text' as const,
              title: 'o',
              payload: 'P',
            })),
          },
        }),
        ['message.quickReplies'],
      ],
      [
        'a quick reply title over 20 characters',
        input({ message: { text: 'x', quickReplies: [{ contentType: 'text', title: 'a'.repeat(21), payload: 'P' }] } }),
        ['message.quickReplies[0].title'],
      ],
      [
        'a text quick reply without payload',
        input({ message: { text: 'x', quickReplies: [{ contentType: 'text', title: 'a' }] } }),
        ['message.quickReplies[0].payload'],
      ],
      [
        'a phone quick reply on Instagram',
        ig({ text: 'x', quickReplies: [{ contentType: 'user_phone_number' }] }),
        ['message.quickReplies[0].contentType'],
      ],
      [
        'a media template on Instagram',
        ig({ template: { type: 'media', elements: [{ mediaType: 'image', attachmentId: '1' }] } }),
        ['message.template.type'],
      ],
      [
        'a button template without buttons',
        input({ message: { template: { type: 'button', text: 'Pick', buttons: [] } } }),
        ['message.template.buttons'],
      ],
      [
        'four buttons',
        input({ message: { template: { type: 'button', text: 'Pick', buttons: [button, button, button, button] } } }),
        ['message.template.buttons'],
      ],
      [
        'button template text over 640',
        input({ message: { template: { type: 'button', text: 'a'.repeat(641), buttons: [button] } } }),
        ['message.template.text'],
      ],
      [
        'a phone button on Instagram',
        ig({
          template: {
            type: 'button',
            text: 'Call',
            buttons: [{ type: 'phone_number', title: 'Call', payload: '+1555' }],
          },
        }),
        ['message.template.buttons[0].type'],
      ],
      [
        'a web_url button without URL',
        input({ message: { template: { type: 'button', text: 'Go', buttons: [{ type: 'web_url', title: 'Go' }] } } }),
        ['message.template.buttons[0].url'],
      ],
      [
        'eleven generic elements',
        input({
          message: {
            template: { type: 'generic', elements: Array.from({ length: 11 }, () => ({ title: 't', subtitle: 's' })) },
          },
        }),
        ['message.template.elements'],
      ],
      [
        'a generic element with a title only',
        input({ message: { template: { type: 'generic', elements: [{ title: 'Shoe' }] } } }),
        ['message.template.elements[0]'],
      ],
      [
        'a generic title over 80',
        input({ message: { template: { type: 'generic', elements: [{ title: 'a'.repeat(81), subtitle: 's' }] } } }),
        ['message.template.elements[0].title'],
      ],
      [
        'two media elements',
        input({
          message: {
            template: {
              type: 'media',
              elements: [
                { mediaType: 'image', attachmentId: '1' },
                { mediaType: 'image', attachmentId: '2' },
              ],
            },
          },
        }),
        ['message.template.elements'],
      ],
      [
        'a reaction other than love on Instagram',
        ig({ reaction: { messageId: 'aWdf', action: 'react', reaction: 'like' } }),
        ['message.reaction.reaction'],
      ],
      [
        'a reaction with quick replies',
        ig({
          reaction: { messageId: 'aWdf', action: 'react', reaction: 'love' },
          quickReplies: [{ contentType: 'text', title: 'a', payload: 'b' }],
        }),
        ['message'],
      ],
      ['MESSAGE_TAG without tag', input({ messagingType: 'MESSAGE_TAG' }), ['tag']],
      ['a tag without MESSAGE_TAG', input({ tag: 'HUMAN_AGENT' }), ['messagingType']],
      ['the retired ACCOUNT_UPDATE tag', input({ messagingType: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' }), ['tag']],
      [
        'the retired CONFIRMED_EVENT_UPDATE tag',
        input({ messagingType: 'MESSAGE_TAG', tag: 'CONFIRMED_EVENT_UPDATE' }),
        ['tag'],
      ],
      [
        'the retired POST_PURCHASE_UPDATE tag',
        input({ messagingType: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' }),
        ['tag'],
      ],
      [
        'CUSTOMER_FEEDBACK on Instagram',
        ig(text('x'), { messagingType: 'MESSAGE_TAG', tag: 'CUSTOMER_FEEDBACK' }),
        ['tag'],
      ],
      ['an unknown tag', input({ messagingType: 'MESSAGE_TAG', tag: 'SHIPPING_UPDATE' }), ['tag']],
      ['a file sent with a text message', input({ fileAttached: true }), ['file']],
      [
        'a file sent with the request and a URL',
        input({ message: { attachment: { type: 'image', url: 'https://x.example/a' } }, fileAttached: true }),
        ['message.attachment'],
      ],
      [
        'a file sent with the request and an Instagram email quick reply',
        ig({ attachment: { type: 'image' }, quickReplies: [{ contentType: 'user_email' }] }, { fileAttached: true }),
        ['message.quickReplies[0].contentType'],
      ],
      [
        'an attachment with no source and no file',
        input({ message: { attachment: { type: 'image' } } }),
        ['message.attachment'],
      ],
    ])('%s', (_name, value, expected) => {
      expect(fields(messageProblems(value))).toEqual(expected);
    });
  });

  it('says why a retired tag is refused', () => {
    expect(messageProblems(input({ messagingType: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' }))).toEqual([
      { field: 'tag', problem: 'ACCOUNT_UPDATE was retired by Meta on 2026-04-27' },
    ]);
  });
});
