/**
 * `tokens.connection.v1`: a Page's (and its Instagram account's) connection changed, so CRMs can prompt a
 * new login. Key = Page id; `ce_id` = `eventId`. Never carries a token.
 */
export const CONNECTION_CHANGES = ['connected', 'refreshed', 'invalid', 'permissions_changed', 'disconnected'] as const;
export type ConnectionChange = (typeof CONNECTION_CHANGES)[number];

export const CONNECTION_EVENT_TYPE = 'parley.tokens.connection.v1';

export interface ConnectionEvent {
  eventId: string;
  change: ConnectionChange;
  tenantId: string;
  pageId: string;
  instagramId: string | null;
  /** Why it changed, e.g. `meta_error_190_463`, `deauthorized`, `onboarding`, `subscription_repaired`. */
  reason: string;
  status: 'active' | 'invalid' | 'disconnected';
  /** Permissions granted at the time, where known. */
  permissions: string[];
  occurredAt: string;
}

export const connectionEventSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parley:schema:tokens.connection.v1',
  title: 'ConnectionEvent',
  description: "A Page's connection changed. Key = pageId; ce_id = eventId. Never carries a token.",
  type: 'object',
  additionalProperties: false,
  required: ['eventId', 'change', 'tenantId', 'pageId', 'instagramId', 'reason', 'status', 'permissions', 'occurredAt'],
  properties: {
    eventId: { type: 'string', format: 'uuid' },
    change: { enum: [...CONNECTION_CHANGES] },
    tenantId: { type: 'string', minLength: 1 },
    pageId: { type: 'string', minLength: 1 },
    instagramId: { type: ['string', 'null'] },
    reason: { type: 'string', minLength: 1 },
    status: { enum: ['active', 'invalid', 'disconnected'] },
    permissions: { type: 'array', items: { type: 'string' } },
    occurredAt: { type: 'string', format: 'date-time' },
  },
};
