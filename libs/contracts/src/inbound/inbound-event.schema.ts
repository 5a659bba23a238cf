import { INBOUND_EVENT_KINDS, InboundEventKind } from './inbound-event';

// Draft-07 JSON Schema of `messaging.inbound.v1`. Objects stay open (no `additionalProperties: false`):
// adding an optional field is not a breaking change, and consumers on an older copy keep validating.

const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const bool = { type: 'boolean' } as const;
const jsonObject = { type: 'object' } as const;
const nullableObject = { type: ['object', 'null'] } as const;

function object(properties: Record<string, unknown>, required = Object.keys(properties)): Record<string, unknown> {
  return { type: 'object', required, properties };
}

function nullable(schema: Record<string, unknown>): Record<string, unknown> {
  return { oneOf: [{ type: 'null' }, schema] };
}

const referral = object({
  ref: nullableStr,
  source: nullableStr,
  type: nullableStr,
  adId: nullableStr,
  refererUri: nullableStr,
  productId: nullableStr,
  adsContextData: nullableObject,
});

const attachment = object({
  type: str,
  url: nullableStr,
  title: nullableStr,
  stickerId: nullableStr,
  mediaId: nullableStr,
  coordinates: nullable(object({ lat: { type: 'number' }, long: { type: 'number' } })),
  payload: nullableObject,
});

const message = object({
  mid: str,
  text: nullableStr,
  attachments: { type: 'array', items: attachment },
  quickReplyPayload: nullableStr,
  replyTo: nullable(
    object({
      mid: nullableStr,
      isSelfReply: { type: ['boolean', 'null'] },
      story: nullable(object({ id: nullableStr, url: nullableStr })),
    }),
  ),
  referral: nullable(referral),
  metadata: nullableStr,
  isUnsupported: bool,
  isSelf: bool,
});

const details: Record<InboundEventKind, [string, Record<string, unknown>]> = {
  message: ['message', message],
  echo: ['message', message],
  reaction: [
    'reaction',
    object({ mid: str, action: { enum: ['react', 'unreact'] }, reaction: nullableStr, emoji: nullableStr }),
  ],
  read: ['read', object({ watermark: nullableNum, mid: nullableStr })],
  delivery: ['delivery', object({ mids: { type: 'array', items: str }, watermark: nullableNum })],
  postback: [
    'postback',
    object({ mid: nullableStr, title: nullableStr, payload: nullableStr, referral: nullable(referral) }),
  ],
  referral: ['referral', referral],
  optin: [
    'optin',
    object({
      type: nullableStr,
      ref: nullableStr,
      userRef: nullableStr,
      payload: nullableStr,
      title: nullableStr,
      notificationMessagesToken: nullableStr,
      notificationMessagesTimezone: nullableStr,
      notificationMessagesStatus: nullableStr,
      tokenExpiresAt: { oneOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] },
      userTokenStatus: nullableStr,
      oneTimeNotifToken: nullableStr,
    }),
  ],
  handover: [
    'handover',
    object({
      action: { enum: ['pass', 'take', 'request', 'app_roles'] },
      previousOwnerAppId: nullableStr,
      newOwnerAppId: nullableStr,
      requestedOwnerAppId: nullableStr,
      metadata: nullableStr,
      appRoles: nullable({ type: 'object', additionalProperties: { type: 'array', items: str } }),
    }),
  ],
  edit: ['edit', object({ mid: str, text: nullableStr, numEdit: nullableNum })],
  unsend: ['unsend', object({ mid: str })],
  policy_enforcement: ['policyEnforcement', object({ action: nullableStr, reason: nullableStr })],
  account_linking: ['accountLinking', object({ status: nullableStr, authorizationCode: nullableStr })],
  unknown: ['unknown', object({ bodyKeys: { type: 'array', items: str } })],
};

const base: Record<string, unknown> = {
  eventId: { type: 'string', format: 'uuid' },
  kind: { enum: [...INBOUND_EVENT_KINDS] },
  channel: { enum: ['messenger', 'instagram'] },
  accountId: { type: 'string', minLength: 1 },
  personId: nullableStr,
  userRef: nullableStr,
  conversationId: { type: 'string', pattern: '^(messenger|instagram):[^:]+(:[^:]+)?$' },
  occurredAt: { type: 'string', format: 'date-time' },
  receivedAt: { type: 'string', format: 'date-time' },
  deliveryId: { type: 'string', format: 'uuid' },
  isEcho: bool,
  isStandby: bool,
  appId: nullableStr,
  raw: jsonObject,
};

function variant(kind: InboundEventKind): Record<string, unknown> {
  const [field, schema] = details[kind];
  return {
    title: `${kind} event`,
    type: 'object',
    required: [...Object.keys(base), field],
    properties: { ...base, kind: { const: kind }, [field]: schema },
  };
}

/** The property that carries the detail of each kind (`echo` reuses `message`). */
export const INBOUND_DETAIL_FIELD: Readonly<Record<InboundEventKind, string>> = Object.fromEntries(
  INBOUND_EVENT_KINDS.map((kind) => [kind, details[kind][0]]),
) as Record<InboundEventKind, string>;

export const inboundEventSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parley:schema:messaging.inbound.v1',
  title: 'InboundEvent',
  description:
    'One messaging event from Meta (Messenger or Instagram), normalized. Key = conversationId; ce_id = eventId.',
  oneOf: INBOUND_EVENT_KINDS.map(variant),
};
