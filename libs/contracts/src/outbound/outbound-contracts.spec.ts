import { validateTopicPayload } from '../schema-registry';
import { Topics } from '../topics';
import {
  outboundConversationId,
  OutboundRequestEvent,
  outboundStatusEventId,
  OutboundStatusEvent,
} from './outbound-request';

const MESSAGE_ID = '0b6f4a52-7c1e-4d3a-9f5e-2a1b3c4d5e6f';

function request(overrides: Partial<OutboundRequestEvent> = {}): OutboundRequestEvent {
  return {
    messageId: MESSAGE_ID,
    tenantId: 'acme',
    channel: 'messenger',
    accountId: '1122',
    recipientId: '6543',
    conversationId: outboundConversationId('messenger', '1122', '6543'),
    messagingType: 'RESPONSE',
    tag: null,
    content: { text: 'hello' },
    acceptedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function status(overrides: Partial<OutboundStatusEvent> = {}): OutboundStatusEvent {
  return {
    eventId: outboundStatusEventId(MESSAGE_ID, 'sent'),
    messageId: MESSAGE_ID,
    conversationId: 'messenger:1122:6543',
    channel: 'messenger',
    accountId: '1122',
    status: 'sent',
    metaMessageId: 'm_1',
    occurredAt: '2026-01-01T00:00:01.000Z',
    failure: null,
    ...overrides,
  };
}

describe('messaging.outbound.request.v1', () => {
  it.each<[string, OutboundRequestEvent]>([
    ['text', request()],
    ['an attachment by URL', request({ content: { attachment: { type: 'image', url: 'https://x.example/a.png' } } })],
    ['a reusable attachment', request({ content: { attachment: { type: 'file', attachmentId: '1857' } } })],
    [
      'a button template with quick replies',
      request({
        content: {
          template: { type: 'button', text: 'Pick', buttons: [{ type: 'postback', title: 'A', payload: 'A' }] },
          quickReplies: [{ contentType: 'text', title: 'Yes', payload: 'YES' }],
        },
      }),
    ],
    [
      'an Instagram reaction',
      request({
        channel: 'instagram',
        content: { reaction: { messageId: 'aWdf', action: 'react', reaction: 'love' } },
      }),
    ],
    ['a tagged message', request({ messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' })],
  ])('accepts %s', (_name, value) => {
    expect(validateTopicPayload(Topics.outboundRequest, value)).toEqual({ valid: true, errors: [] });
  });

  it.each<[string, unknown]>([
    ['empty content', request({ content: {} })],
    ['an unknown channel', { ...request(), channel: 'whatsapp' }],
    ['a message id that is not a UUID', request({ messageId: 'abc' })],
    ['an unknown messaging type', { ...request(), messagingType: 'PROMO' }],
    ['an unknown template', { ...request(), content: { template: { type: 'list', elements: [] } } }],
    ['no recipient', { ...request(), recipientId: '' }],
  ])('rejects %s', (_name, value) => {
    expect(validateTopicPayload(Topics.outboundRequest, value).valid).toBe(false);
  });
});

describe('messaging.outbound.status.v1', () => {
  it('accepts a sent status and a failure', () => {
    expect(validateTopicPayload(Topics.outboundStatus, status()).valid).toBe(true);
    const failed = status({
      status: 'failed',
      metaMessageId: null,
      failure: {
        reason: 'outside_window',
        detail: 'window closed',
        metaCode: 10,
        metaSubcode: 2018278,
        fbtraceId: 'A',
      },
    });
    expect(validateTopicPayload(Topics.outboundStatus, failed)).toEqual({ valid: true, errors: [] });
  });

  it('rejects an unknown status', () => {
    expect(validateTopicPayload(Topics.outboundStatus, { ...status(), status: 'bounced' }).valid).toBe(false);
  });

  it('gives each step of a message one id', () => {
    expect(outboundStatusEventId(MESSAGE_ID, 'sent')).toBe(outboundStatusEventId(MESSAGE_ID, 'sent'));
    expect(outboundStatusEventId(MESSAGE_ID, 'sent')).not.toBe(outboundStatusEventId(MESSAGE_ID, 'delivered'));
  });
});
