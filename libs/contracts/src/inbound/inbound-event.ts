import { deterministicEventId } from '../event-id';

/**
 * `messaging.inbound.v1`: one record per messaging event Meta delivers, one schema for Messenger and
 * Instagram. Record key = `conversationId`; CloudEvents `ce_id` = `eventId`.
 *
 * Meta ids are strings everywhere; integers in Meta's JSON beyond 2^53 (app ids, sticker ids, ...)
 * travel as strings in `raw` so no digit is lost.
 */
export type InboundChannel = 'messenger' | 'instagram';

export const INBOUND_EVENT_KINDS = [
  'message',
  'echo',
  'reaction',
  'read',
  'delivery',
  'postback',
  'referral',
  'optin',
  'handover',
  'edit',
  'unsend',
  'policy_enforcement',
  'account_linking',
  'unknown',
] as const;

export type InboundEventKind = (typeof INBOUND_EVENT_KINDS)[number];

export type JsonObject = { [key: string]: unknown };

export interface InboundEventBase {
  /** Deterministic (derived from Meta's ids): the same Meta event always has the same id. Equals `ce_id`. */
  eventId: string;
  kind: InboundEventKind;
  channel: InboundChannel;
  /** Facebook Page id (messenger) or Instagram professional account id (instagram). */
  accountId: string;
  /** The person's Page- or Instagram-scoped id (PSID / IGSID); for an echo, the recipient. Null when Meta names no person. */
  personId: string | null;
  /** Checkbox / chat plugin reference, given before a PSID exists. */
  userRef: string | null;
  /** `<channel>:<accountId>:<personId>`, or `<channel>:<accountId>` for events that concern no person. */
  conversationId: string;
  /** When the event happened (Meta's `timestamp`, else the entry's `time`, else `receivedAt`). */
  occurredAt: string;
  /** When the gateway received the delivery. */
  receivedAt: string;
  /** CloudEvents id of the `meta.webhook.received.v1` record this event came from. */
  deliveryId: string;
  /** Sent by the business (any app, or a human in the Page / Instagram inbox), not by the person. */
  isEcho: boolean;
  /** Arrived in `standby`: another app owns the thread; this app must not reply. */
  isStandby: boolean;
  /** For echoes: the app that sent the message (e.g. 263902037430900 = Page Inbox). */
  appId: string | null;
  /** The Meta messaging object exactly as received (integers beyond 2^53 as strings). */
  raw: JsonObject;
}

export interface InboundCoordinates {
  lat: number;
  long: number;
}

export interface InboundAttachment {
  /** Meta's attachment type as sent: image, video, audio, file, sticker, location, fallback, template, reel, ig_reel, ig_post, share, story_mention, ig_story, like_heart, unsupported_type, ... */
  type: string;
  url: string | null;
  title: string | null;
  stickerId: string | null;
  /** Reel, post or story media id when Meta gives one. */
  mediaId: string | null;
  coordinates: InboundCoordinates | null;
  /** Meta's attachment payload as received. */
  payload: JsonObject | null;
}

export interface InboundReplyTo {
  mid: string | null;
  isSelfReply: boolean | null;
  /** Instagram: the person replied to the business's story. */
  story: { id: string | null; url: string | null } | null;
}

export interface InboundReferral {
  ref: string | null;
  source: string | null;
  type: string | null;
  adId: string | null;
  /** Customer chat plugin: the page the person came from. */
  refererUri: string | null;
  productId: string | null;
  adsContextData: JsonObject | null;
}

export interface InboundMessage {
  mid: string;
  text: string | null;
  attachments: InboundAttachment[];
  quickReplyPayload: string | null;
  replyTo: InboundReplyTo | null;
  /** First message after an ad / m.me click carries the referral. */
  referral: InboundReferral | null;
  /** Echo metadata string the sender attached. */
  metadata: string | null;
  /** Instagram: content the API cannot deliver. */
  isUnsupported: boolean;
  /** Instagram: message the business account sent to itself. */
  isSelf: boolean;
}

export interface InboundReaction {
  mid: string;
  action: 'react' | 'unreact';
  reaction: string | null;
  emoji: string | null;
}

export interface InboundRead {
  /** Messenger: every message sent up to this time (epoch ms) was read. */
  watermark: number | null;
  /** Instagram (`messaging_seen`): the last message seen. */
  mid: string | null;
}

export interface InboundDelivery {
  mids: string[];
  watermark: number | null;
}

export interface InboundPostback {
  mid: string | null;
  title: string | null;
  /** Absent when the postback arrived in standby (Meta gives the payload to its sender app only). */
  payload: string | null;
  referral: InboundReferral | null;
}

export interface InboundOptin {
  /** `notification_messages`, `one_time_notif_req`, or null for plugin opt-ins. */
  type: string | null;
  ref: string | null;
  userRef: string | null;
  payload: string | null;
  title: string | null;
  notificationMessagesToken: string | null;
  notificationMessagesTimezone: string | null;
  /** `STOP NOTIFICATIONS` / `RESUME NOTIFICATIONS`. */
  notificationMessagesStatus: string | null;
  tokenExpiresAt: string | null;
  userTokenStatus: string | null;
  oneTimeNotifToken: string | null;
}

export interface InboundHandover {
  action: 'pass' | 'take' | 'request' | 'app_roles';
  previousOwnerAppId: string | null;
  newOwnerAppId: string | null;
  requestedOwnerAppId: string | null;
  metadata: string | null;
  /** For `app_roles`: app id → roles. */
  appRoles: Record<string, string[]> | null;
}

export interface InboundEdit {
  mid: string;
  text: string | null;
  numEdit: number | null;
}

export interface InboundUnsend {
  mid: string;
}

export interface InboundPolicyEnforcement {
  action: string | null;
  reason: string | null;
}

export interface InboundAccountLinking {
  status: string | null;
  authorizationCode: string | null;
}

export interface InboundUnknown {
  /** The keys of the messaging object other than sender, recipient and timestamp. */
  bodyKeys: string[];
}

export type InboundMessageEvent = InboundEventBase & { kind: 'message'; message: InboundMessage };
export type InboundEchoEvent = InboundEventBase & { kind: 'echo'; message: InboundMessage };
export type InboundReactionEvent = InboundEventBase & { kind: 'reaction'; reaction: InboundReaction };
export type InboundReadEvent = InboundEventBase & { kind: 'read'; read: InboundRead };
export type InboundDeliveryEvent = InboundEventBase & { kind: 'delivery'; delivery: InboundDelivery };
export type InboundPostbackEvent = InboundEventBase & { kind: 'postback'; postback: InboundPostback };
export type InboundReferralEvent = InboundEventBase & { kind: 'referral'; referral: InboundReferral };
export type InboundOptinEvent = InboundEventBase & { kind: 'optin'; optin: InboundOptin };
export type InboundHandoverEvent = InboundEventBase & { kind: 'handover'; handover: InboundHandover };
export type InboundEditEvent = InboundEventBase & { kind: 'edit'; edit: InboundEdit };
export type InboundUnsendEvent = InboundEventBase & { kind: 'unsend'; unsend: InboundUnsend };
export type InboundPolicyEnforcementEvent = InboundEventBase & {
  kind: 'policy_enforcement';
  policyEnforcement: InboundPolicyEnforcement;
};
export type InboundAccountLinkingEvent = InboundEventBase & {
  kind: 'account_linking';
  accountLinking: InboundAccountLinking;
};
export type InboundUnknownEvent = InboundEventBase & { kind: 'unknown'; unknown: InboundUnknown };

export type InboundEvent =
  | InboundMessageEvent
  | InboundEchoEvent
  | InboundReactionEvent
  | InboundReadEvent
  | InboundDeliveryEvent
  | InboundPostbackEvent
  | InboundReferralEvent
  | InboundOptinEvent
  | InboundHandoverEvent
  | InboundEditEvent
  | InboundUnsendEvent
  | InboundPolicyEnforcementEvent
  | InboundAccountLinkingEvent
  | InboundUnknownEvent;

/** The conversation id, which is also the record key: order holds per conversation. */
export function conversationIdOf(channel: InboundChannel, accountId: string, personId: string | null): string {
  return personId ? `${channel}:${accountId}:${personId}` : `${channel}:${accountId}`;
}

export interface InboundEventIdParts {
  channel: InboundChannel;
  accountId: string;
  kind: InboundEventKind;
  /** Meta's own identity of the event: a message's `mid`, or the canonical JSON of the messaging object. */
  naturalKey: string;
}

/** `ce_id` of an inbound event, from Meta's ids: a redelivered webhook yields the same id. */
export function inboundEventId(parts: InboundEventIdParts): string {
  return deterministicEventId(
    `messaging.inbound.v1|${parts.channel}|${parts.accountId}|${parts.kind}|${parts.naturalKey}`,
  );
}
