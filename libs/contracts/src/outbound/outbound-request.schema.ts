import {
  OUTBOUND_ATTACHMENT_TYPES,
  OUTBOUND_BUTTON_TYPES,
  OUTBOUND_MESSAGING_TYPES,
  OUTBOUND_QUICK_REPLY_TYPES,
  OUTBOUND_STATUSES,
} from './outbound-request';

// Draft-07 JSON Schemas of `messaging.outbound.request.v1` and `messaging.outbound.status.v1`. Objects stay
// open: adding an optional field is not a breaking change. Channel rules (lengths, counts) are checked by
// outbound before anything is published; the schema checks the shape.

const str = { type: 'string' } as const;
const nonEmpty = { type: 'string', minLength: 1 } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const channel = { enum: ['messenger', 'instagram'] } as const;

function object(properties: Record<string, unknown>, required: string[] = Object.keys(properties)) {
  return { type: 'object', required, properties };
}

const button = object({ type: { enum: [...OUTBOUND_BUTTON_TYPES] }, title: str, url: str, payload: str }, [
  'type',
  'title',
]);
const buttons = { type: 'array', items: button };

const template = {
  oneOf: [
    object(
      {
        type: { const: 'generic' },
        elements: {
          type: 'array',
          minItems: 1,
          items: object({ title: str, subtitle: str, imageUrl: str, defaultActionUrl: str, buttons }, ['title']),
        },
      },
      ['type', 'elements'],
    ),
    object({ type: { const: 'button' }, text: str, buttons }, ['type', 'text', 'buttons']),
    object(
      {
        type: { const: 'media' },
        elements: {
          type: 'array',
          minItems: 1,
          items: object({ mediaType: { enum: ['image', 'video'] }, url: str, attachmentId: str, buttons }, [
            'mediaType',
          ]),
        },
      },
      ['type', 'elements'],
    ),
  ],
};

const content = {
  type: 'object',
  minProperties: 1,
  properties: {
    text: str,
    attachment: object({ type: { enum: [...OUTBOUND_ATTACHMENT_TYPES] }, url: str, attachmentId: str }, ['type']),
    template,
    reaction: object({ messageId: nonEmpty, action: { enum: ['react', 'unreact'] }, reaction: str }, [
      'messageId',
      'action',
    ]),
    quickReplies: {
      type: 'array',
      items: object(
        { contentType: { enum: [...OUTBOUND_QUICK_REPLY_TYPES] }, title: str, payload: str, imageUrl: str },
        ['contentType'],
      ),
    },
    replyTo: nonEmpty,
  },
};

export const outboundRequestSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'messaging.outbound.request.v1',
  ...object({
    messageId: { type: 'string', format: 'uuid' },
    tenantId: nullableStr,
    channel,
    accountId: nonEmpty,
    recipientId: nonEmpty,
    conversationId: nonEmpty,
    messagingType: { enum: [...OUTBOUND_MESSAGING_TYPES] },
    tag: nullableStr,
    content,
    acceptedAt: { type: 'string', format: 'date-time' },
  }),
};

export const outboundStatusSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'messaging.outbound.status.v1',
  ...object({
    eventId: { type: 'string', format: 'uuid' },
    messageId: { type: 'string', format: 'uuid' },
    conversationId: nonEmpty,
    channel,
    accountId: nonEmpty,
    status: { enum: [...OUTBOUND_STATUSES] },
    metaMessageId: nullableStr,
    occurredAt: { type: 'string', format: 'date-time' },
    failure: {
      oneOf: [
        { type: 'null' },
        object({
          reason: nonEmpty,
          detail: str,
          metaCode: { type: ['integer', 'null'] },
          metaSubcode: { type: ['integer', 'null'] },
          fbtraceId: nullableStr,
        }),
      ],
    },
  }),
};
