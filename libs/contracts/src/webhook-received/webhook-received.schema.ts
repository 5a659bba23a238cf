// Draft-07 JSON Schema of `meta.webhook.received.v1`: Meta's envelope as the gateway accepts it.
// The items themselves are Meta's and stay open; `messaging.inbound.v1` is the normalized view.
const items = { type: 'array', items: { type: 'object' } } as const;

export const webhookReceivedSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parley:schema:meta.webhook.received.v1',
  title: 'MetaWebhookDelivery',
  description: 'A verified Meta webhook delivery, the request body bytes exactly as received.',
  type: 'object',
  required: ['object', 'entry'],
  properties: {
    object: { enum: ['page', 'instagram'] },
    entry: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          time: { type: 'number' },
          messaging: items,
          standby: items,
          changes: items,
        },
      },
    },
  },
};
