import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { complianceDecisionSchema } from './compliance/compliance-decision';
import { erasureProgressSchema, erasureRequestedSchema } from './compliance/privacy-erasure';
import { inboundEventSchema } from './inbound/inbound-event.schema';
import { connectionEventSchema, CONNECTION_EVENT_TYPE } from './tokens/connection-event';
import { Topics, TopicName } from './topics';
import { metaCallbackSchema } from './webhook-received/meta-callback';
import { outboundRequestSchema, outboundStatusSchema } from './outbound/outbound-request.schema';
import { webhookReceivedSchema } from './webhook-received/webhook-received.schema';

/**
 * What every record of a topic looks like: key, headers, payload schema. `asyncapi.yaml` is generated
 * from this registry and a test fails when the two disagree. Add a topic's contract here when its
 * schema lands; until then the topic is documented without a payload schema.
 */
export interface TopicContract {
  summary: string;
  /** What the record key is (the ordering unit). */
  key: string;
  /** CloudEvents `ce_type` of the records. */
  ceType: string;
  /** Draft-07 JSON Schema of the value; null while the topic's schema is not registered yet. */
  schema: Record<string, unknown> | null;
  /** Headers beyond the common ones (name → meaning). */
  extraHeaders?: Readonly<Record<string, string>>;
  producers: readonly string[];
  consumers: readonly string[];
}

/** CloudEvents binary-mode headers and tracing headers carried by every record. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  ce_specversion: 'CloudEvents spec version, always 1.0.',
  ce_id: 'Event id; deterministic where the event comes from Meta, so consumers dedupe by it.',
  ce_source: 'The producing app, e.g. /parley/gateway.',
  ce_type: 'The event type (see each message).',
  ce_time: 'When the event happened (RFC 3339).',
  ce_subject: 'The record key.',
  'content-type': 'Media type of the value.',
  traceparent: 'W3C trace context of the request that caused the event.',
  'x-correlation-id': 'Correlation id of the request that caused the event, carried through every hop.',
};

export const TOPIC_CONTRACTS: Readonly<Partial<Record<TopicName, TopicContract>>> = {
  [Topics.webhookReceived]: {
    summary: 'Every verified Meta webhook delivery, the request body bytes exactly as received.',
    key: '<channel>:<account id of the first entry>, or <channel> for a delivery without entries.',
    ceType: 'parley.meta.webhook.received.v1',
    schema: webhookReceivedSchema,
    extraHeaders: { 'x-hub-signature-256': "Meta's signature of the value, so a consumer can verify it again." },
    producers: ['gateway'],
    consumers: [],
  },
  [Topics.messagingInbound]: {
    summary: 'One normalized messaging event per Meta messaging object, both channels, one schema.',
    key: 'Conversation id: <channel>:<account id>:<scoped user id>, or <channel>:<account id> for events without a person.',
    ceType: 'parley.messaging.inbound.v1',
    schema: inboundEventSchema,
    extraHeaders: { parley_kind: 'The event kind (message, echo, reaction, ...), for filtering without parsing.' },
    producers: ['gateway'],
    consumers: ['outbound', 'compliance', 'CRM consumers'],
  },
  [Topics.metaCallbackReceived]: {
    summary: "Meta's deauthorize and data-deletion callbacks, verified.",
    key: 'The app-scoped user id of the Facebook user.',
    ceType: 'parley.meta.callback.received.v1',
    schema: metaCallbackSchema,
    producers: ['gateway'],
    consumers: ['tokens', 'compliance'],
  },
  [Topics.outboundRequest]: {
    summary: 'A message a CRM asked to send, validated, allowed by compliance and persisted; outbound workers send it.',
    key: 'Account id: the Facebook Page id or Instagram professional account id the message is sent from.',
    ceType: 'parley.messaging.outbound.request.v1',
    schema: outboundRequestSchema,
    producers: ['outbound'],
    consumers: ['outbound'],
  },
  [Topics.outboundStatus]: {
    summary:
      "Each step of an outbound message: accepted, sent (with Meta's message id), delivered, read, or failed with a reason.",
    key: 'Conversation id: <channel>:<account id>:<scoped user id>.',
    ceType: 'parley.messaging.outbound.status.v1',
    schema: outboundStatusSchema,
    producers: ['outbound'],
    // Not compliance: it counts what a Page sent from the echoes on messaging.inbound.v1, which include sends
    // by people in the Page Inbox and by other apps (apps/compliance/src/decisions/volume.ts, volumeCountOf).
    consumers: ['tokens', 'CRM consumers'],
  },
  [Topics.tokensConnection]: {
    summary:
      "A Page's connection changed (connected, refreshed, invalid, permissions_changed, disconnected) with the reason, so CRMs can prompt a new login. Never carries a token.",
    key: 'Page id.',
    ceType: CONNECTION_EVENT_TYPE,
    schema: connectionEventSchema,
    producers: ['tokens'],
    consumers: ['outbound', 'compliance', 'CRM consumers'],
  },
  [Topics.complianceDecision]: {
    summary: 'Every send decision of compliance (allowed or denied, the reason and the rule), for audit.',
    key: 'Conversation id: <channel>:<account id>:<scoped user id>.',
    ceType: 'parley.compliance.decision.v1',
    schema: complianceDecisionSchema,
    producers: ['compliance'],
    consumers: ['CRM consumers'],
  },
  [Topics.privacyErasure]: {
    summary: "A request to delete one person's data; every app deletes it from its own tables and reports progress.",
    key: 'Erasure id.',
    ceType: 'parley.privacy.erasure.v1',
    schema: erasureRequestedSchema,
    producers: ['compliance'],
    consumers: ['compliance', 'outbound', 'tokens'],
  },
  [Topics.privacyErasureProgress]: {
    summary: "One app's report that it carried out (or failed) an erasure request.",
    key: 'Erasure id.',
    ceType: 'parley.privacy.erasure.progress.v1',
    schema: erasureProgressSchema,
    producers: ['compliance', 'outbound', 'tokens'],
    consumers: ['compliance'],
  },
};

export interface PayloadValidation {
  valid: boolean;
  errors: string[];
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validators = new Map<TopicName, ValidateFunction>();

function validatorOf(topic: TopicName): ValidateFunction | null {
  const cached = validators.get(topic);
  if (cached) return cached;
  const schema = TOPIC_CONTRACTS[topic]?.schema;
  if (!schema) return null;
  const compiled = ajv.compile(schema);
  validators.set(topic, compiled);
  return compiled;
}

/** Validates a decoded value against its topic's schema; a topic without a registered schema is an error. */
export function validateTopicPayload(topic: TopicName, value: unknown): PayloadValidation {
  const validate = validatorOf(topic);
  if (!validate) return { valid: false, errors: [`no schema registered for ${topic}`] };
  if (validate(value)) return { valid: true, errors: [] };
  return {
    valid: false,
    errors: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
  };
}
