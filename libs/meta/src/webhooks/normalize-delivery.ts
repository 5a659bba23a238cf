import {
  InboundAttachment,
  InboundChannel,
  InboundEvent,
  InboundEventBase,
  InboundEventKind,
  InboundHandover,
  InboundMessage,
  InboundOptin,
  InboundReaction,
  InboundReferral,
  JsonObject,
  conversationIdOf,
  inboundEventId,
} from '@app/contracts';
import { canonicalJson } from './canonical-json';
import {
  MetaAttachment,
  MetaMessage,
  MetaMessagingItem,
  MetaReferral,
  MetaWebhookDelivery,
  MetaWebhookEntry,
  MetaWebhookObject,
} from './webhook-payload.types';

export interface NormalizeContext {
  /** `ce_id` of the delivery's `meta.webhook.received.v1` record. */
  deliveryId: string;
  receivedAt: Date;
}

export interface NormalizedDelivery {
  channel: InboundChannel;
  /** One event per distinct messaging object, in delivery order. */
  events: InboundEvent[];
  /** messaging[] + standby[] items in the delivery. */
  items: number;
  /** Items repeated inside the delivery (same event id), published once. */
  duplicatesInDelivery: number;
}

export function channelOf(object: MetaWebhookObject): InboundChannel {
  return object === 'instagram' ? 'instagram' : 'messenger';
}

const HANDOVER_KEYS = ['pass_thread_control', 'take_thread_control', 'request_thread_control', 'app_roles'] as const;
const ENVELOPE_KEYS = new Set(['sender', 'recipient', 'timestamp']);

/** Routes on the body key of the messaging object, never on the subscription field name. */
export function classifyMessagingItem(item: MetaMessagingItem): InboundEventKind {
  if (isObject(item.message)) {
    if (item.message.is_deleted === true) return 'unsend';
    return item.message.is_echo === true ? 'echo' : 'message';
  }
  if (isObject(item.message_edit)) return 'edit';
  if (isObject(item.reaction)) return 'reaction';
  if (isObject(item.read)) return 'read';
  if (isObject(item.delivery)) return 'delivery';
  if (isObject(item.postback)) return 'postback';
  if (isObject(item.referral)) return 'referral';
  if (isObject(item.optin)) return 'optin';
  if (HANDOVER_KEYS.some((key) => isObject(item[key]))) return 'handover';
  if (isObject(item.policy_enforcement) || isObject(item['policy-enforcement'])) return 'policy_enforcement';
  if (isObject(item.account_linking)) return 'account_linking';
  return 'unknown';
}

/** All distinct messaging events of a delivery (messaging[] and standby[] of every entry), in order. */
export function normalizeDelivery(delivery: MetaWebhookDelivery, context: NormalizeContext): NormalizedDelivery {
  const channel = channelOf(delivery.object);
  const events: InboundEvent[] = [];
  const seen = new Set<string>();
  let items = 0;
  for (const entry of delivery.entry) {
    const batches: [MetaMessagingItem[] | undefined, boolean][] = [
      [entry.messaging, false],
      [entry.standby, true],
    ];
    for (const [batch, isStandby] of batches) {
      for (const item of batch ?? []) {
        items++;
        const event = normalizeMessagingItem(item, { channel, entry, isStandby, ...context });
        if (seen.has(event.eventId)) continue;
        seen.add(event.eventId);
        events.push(event);
      }
    }
  }
  return { channel, events, items, duplicatesInDelivery: items - events.length };
}

export interface ItemContext extends NormalizeContext {
  channel: InboundChannel;
  entry: MetaWebhookEntry;
  isStandby: boolean;
}

export function normalizeMessagingItem(item: MetaMessagingItem, context: ItemContext): InboundEvent {
  const kind = classifyMessagingItem(item);
  const base = baseOf(item, kind, context);
  switch (kind) {
    case 'message':
    case 'echo':
      return { ...base, kind, message: messageOf(item.message as MetaMessage) };
    case 'unsend':
      return { ...base, kind, unsend: { mid: str(item.message?.mid) ?? '' } };
    case 'edit':
      return { ...base, kind, edit: editOf(item) };
    case 'reaction':
      return { ...base, kind, reaction: reactionOf(item) };
    case 'read':
      return { ...base, kind, read: { watermark: num(item.read?.watermark), mid: str(item.read?.mid) } };
    case 'delivery':
      return { ...base, kind, delivery: deliveryOf(item) };
    case 'postback':
      return { ...base, kind, postback: postbackOf(item) };
    case 'referral':
      return { ...base, kind, referral: referralOf(item.referral as MetaReferral) };
    case 'optin':
      return { ...base, kind, optin: optinOf(item.optin as JsonObject) };
    case 'handover':
      return { ...base, kind, handover: handoverOf(item) };
    case 'policy_enforcement':
      return { ...base, kind, policyEnforcement: policyOf(item) };
    case 'account_linking':
      return { ...base, kind, accountLinking: accountLinkingOf(item) };
    case 'unknown':
      return {
        ...base,
        kind,
        unknown: {
          bodyKeys: Object.keys(item)
            .filter((k) => !ENVELOPE_KEYS.has(k))
            .sort(),
        },
      };
  }
}

function baseOf(item: MetaMessagingItem, kind: InboundEventKind, context: ItemContext): InboundEventBase {
  const isEcho = item.message?.is_echo === true;
  const business = isEcho ? item.sender : item.recipient;
  const person = isEcho ? item.recipient : item.sender;
  const accountId = str(business?.id) ?? str(context.entry.id) ?? '';
  const personId = str(person?.id);
  const optinUserRef = isObject(item.optin) ? str(item.optin.user_ref) : null;
  return {
    eventId: inboundEventId({ channel: context.channel, accountId, kind, naturalKey: naturalKeyOf(item, kind) }),
    kind,
    channel: context.channel,
    accountId,
    personId,
    userRef: str(person?.user_ref) ?? optinUserRef,
    conversationId: conversationIdOf(context.channel, accountId, personId),
    occurredAt: isoTime(item.timestamp) ?? isoTime(context.entry.time) ?? context.receivedAt.toISOString(),
    receivedAt: context.receivedAt.toISOString(),
    deliveryId: context.deliveryId,
    isEcho,
    isStandby: context.isStandby,
    appId: isEcho ? str(item.message?.app_id) : null,
    raw: item as JsonObject,
  };
}

/**
 * Meta's own identity of the event. A message (and its echo or unsend) is its `mid`; an edit is the
 * `mid` at an edit count; every other event is the whole messaging object (sender, recipient,
 * timestamp and body), which Meta repeats unchanged when it redelivers.
 */
export function naturalKeyOf(item: MetaMessagingItem, kind: InboundEventKind): string {
  const mid = str(item.message?.mid);
  if ((kind === 'message' || kind === 'echo' || kind === 'unsend') && mid) return mid;
  if (kind === 'edit' && item.message_edit?.mid) {
    return canonicalJson({
      mid: item.message_edit.mid,
      num_edit: item.message_edit.num_edit,
      text: item.message_edit.text,
    });
  }
  return canonicalJson(item);
}

function messageOf(message: MetaMessage): InboundMessage {
  const replyTo = isObject(message.reply_to) ? message.reply_to : null;
  const story = replyTo && isObject(replyTo.story) ? replyTo.story : null;
  return {
    mid: str(message.mid) ?? '',
    text: str(message.text),
    attachments: Array.isArray(message.attachments) ? message.attachments.filter(isObject).map(attachmentOf) : [],
    quickReplyPayload: str(message.quick_reply?.payload),
    replyTo: replyTo
      ? {
          mid: str(replyTo.mid),
          isSelfReply: typeof replyTo.is_self_reply === 'boolean' ? replyTo.is_self_reply : null,
          story: story ? { id: str(story.id), url: str(story.url) } : null,
        }
      : null,
    referral: isObject(message.referral) ? referralOf(message.referral) : null,
    metadata: str(message.metadata),
    isUnsupported: message.is_unsupported === true,
    isSelf: message.is_self === true,
  };
}

function attachmentOf(attachment: MetaAttachment): InboundAttachment {
  const payload = isObject(attachment.payload) ? attachment.payload : null;
  const coordinates = payload && isObject(payload.coordinates) ? payload.coordinates : null;
  const lat = num(coordinates?.lat);
  const long = num(coordinates?.long);
  return {
    type: str(attachment.type) ?? 'unknown',
    url: str(payload?.url) ?? str(payload?.story_media_url) ?? str(attachment.url) ?? str(attachment.URL),
    title: str(payload?.title) ?? str(attachment.title),
    stickerId: str(payload?.sticker_id),
    mediaId: str(payload?.reel_video_id) ?? str(payload?.ig_post_media_id) ?? str(payload?.story_media_id),
    coordinates: lat !== null && long !== null ? { lat, long } : null,
    payload: payload as JsonObject | null,
  };
}

function referralOf(referral: MetaReferral): InboundReferral {
  return {
    ref: str(referral.ref),
    source: str(referral.source),
    type: str(referral.type),
    adId: str(referral.ad_id),
    refererUri: str(referral.referer_uri) ?? str(referral.origin_domain),
    productId: isObject(referral.product) ? str(referral.product.id) : null,
    adsContextData: isObject(referral.ads_context_data) ? referral.ads_context_data : null,
  };
}

function editOf(item: MetaMessagingItem): { mid: string; text: string | null; numEdit: number | null } {
  const edit = item.message_edit ?? {};
  return { mid: str(edit.mid) ?? '', text: str(edit.text), numEdit: num(edit.num_edit) };
}

function reactionOf(item: MetaMessagingItem): InboundReaction {
  const reaction = item.reaction ?? {};
  return {
    mid: str(reaction.mid) ?? '',
    action: reaction.action === 'unreact' ? 'unreact' : 'react',
    reaction: str(reaction.reaction),
    emoji: str(reaction.emoji),
  };
}

function deliveryOf(item: MetaMessagingItem): { mids: string[]; watermark: number | null } {
  const mids = Array.isArray(item.delivery?.mids) ? item.delivery.mids : [];
  return { mids: mids.map(str).filter((mid): mid is string => mid !== null), watermark: num(item.delivery?.watermark) };
}

function postbackOf(item: MetaMessagingItem): {
  mid: string | null;
  title: string | null;
  payload: string | null;
  referral: InboundReferral | null;
} {
  const postback = item.postback ?? {};
  return {
    mid: str(postback.mid),
    title: str(postback.title),
    payload: str(postback.payload),
    referral: isObject(postback.referral) ? referralOf(postback.referral) : null,
  };
}

function optinOf(optin: JsonObject): InboundOptin {
  return {
    type: str(optin.type),
    ref: str(optin.ref),
    userRef: str(optin.user_ref),
    payload: str(optin.payload),
    title: str(optin.title),
    notificationMessagesToken: str(optin.notification_messages_token),
    notificationMessagesTimezone: str(optin.notification_messages_timezone),
    notificationMessagesStatus: str(optin.notification_messages_status),
    tokenExpiresAt: isoTime(optin.token_expiry_timestamp),
    userTokenStatus: str(optin.user_token_status),
    oneTimeNotifToken: str(optin.one_time_notif_token),
  };
}

function handoverOf(item: MetaMessagingItem): InboundHandover {
  const none = {
    previousOwnerAppId: null,
    newOwnerAppId: null,
    requestedOwnerAppId: null,
    metadata: null,
    appRoles: null,
  };
  const control = item.pass_thread_control ?? item.take_thread_control;
  if (isObject(control)) {
    return {
      ...none,
      action: isObject(item.pass_thread_control) ? 'pass' : 'take',
      previousOwnerAppId: str(control.previous_owner_app_id),
      newOwnerAppId: str(control.new_owner_app_id),
      metadata: str(control.metadata),
    };
  }
  if (isObject(item.request_thread_control)) {
    const request = item.request_thread_control;
    return {
      ...none,
      action: 'request',
      requestedOwnerAppId: str(request.requested_owner_app_id),
      metadata: str(request.metadata),
    };
  }
  return { ...none, action: 'app_roles', appRoles: appRolesOf(item.app_roles) };
}

function appRolesOf(value: unknown): Record<string, string[]> {
  if (!isObject(value)) return {};
  const roles: Record<string, string[]> = {};
  for (const [appId, list] of Object.entries(value)) {
    roles[appId] = Array.isArray(list) ? list.map(str).filter((r): r is string => r !== null) : [];
  }
  return roles;
}

function policyOf(item: MetaMessagingItem): { action: string | null; reason: string | null } {
  const policy = item.policy_enforcement ?? item['policy-enforcement'] ?? {};
  return { action: str(policy.action), reason: str(policy.reason) };
}

function accountLinkingOf(item: MetaMessagingItem): { status: string | null; authorizationCode: string | null } {
  const linking = item.account_linking ?? {};
  return { status: str(linking.status), authorizationCode: str(linking.authorization_code) };
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Meta ids arrive as strings or (app ids, sticker ids) as numbers; the schema has them all as strings. */
function str(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function num(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

// Meta's messaging timestamps are epoch milliseconds, but some payloads carry seconds (e.g. referrals);
// anything below 10^11 cannot be a millisecond time after 1973.
const SECONDS_BELOW = 1e11;

export function isoTime(value: unknown): string | null {
  const n = num(value);
  if (n === null || n <= 0) return null;
  const date = new Date(n < SECONDS_BELOW ? n * 1000 : n);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
