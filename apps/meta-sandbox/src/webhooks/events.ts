import { Channel } from '../graph/graph-error';

/**
 * Messaging webhook items as Meta delivers them (meta-platform.md §1.3, §2). Builders are pure: the
 * caller supplies ids and times. Key order follows Meta's: sender, recipient, timestamp, body.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonRecord = { [key: string]: JsonValue };

export interface MessagingItem {
  sender?: { id: string } | { user_ref: string };
  recipient: { id: string };
  timestamp?: number;
  [body: string]: JsonValue | undefined;
}

export interface Party {
  channel: Channel;
  /** Page id (Messenger) or Instagram professional account id. */
  accountId: string;
  /** PSID or IGSID. */
  scopedId: string;
}

export interface InboundAttachment {
  type: string;
  payload: JsonRecord | null;
}

export interface Referral {
  ref?: string;
  source: string;
  type: string;
  ad_id?: string;
  ads_context_data?: JsonRecord;
  referer_uri?: string;
}

const fromPerson = (p: Party, timestamp: number) => ({
  sender: { id: p.scopedId },
  recipient: { id: p.accountId },
  timestamp,
});

const stripUndefined = <T extends object>(o: T): JsonRecord =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as JsonRecord;

export interface InboundMessage {
  mid: string;
  text?: string;
  attachments?: InboundAttachment[];
  quickReplyPayload?: string;
  replyTo?: { mid: string } | { story: { id: string; url: string } };
  referral?: Referral;
}

export function messageEvent(p: Party, timestamp: number, m: InboundMessage): MessagingItem {
  const message = stripUndefined({
    mid: m.mid,
    text: m.text,
    attachments: m.attachments as JsonValue | undefined,
    quick_reply: m.quickReplyPayload === undefined ? undefined : { payload: m.quickReplyPayload },
    reply_to:
      m.replyTo === undefined
        ? undefined
        : 'mid' in m.replyTo
          ? p.channel === 'messenger'
            ? { mid: m.replyTo.mid, is_self_reply: false }
            : { mid: m.replyTo.mid }
          : { story: m.replyTo.story },
    referral: m.referral === undefined ? undefined : stripUndefined(m.referral),
  });
  return { ...fromPerson(p, timestamp), message };
}

export interface EchoContent {
  mid: string;
  appId: string;
  metadata?: string;
  text?: string;
  attachments?: InboundAttachment[];
  quickReplies?: JsonValue;
}

export function echoEvent(p: Party, timestamp: number, e: EchoContent): MessagingItem {
  // Meta emits app_id in echoes as a JSON number (meta-platform.md §12); sandbox app ids stay below 2^53.
  const appId = /^\d+$/.test(e.appId) && Number.isSafeInteger(Number(e.appId)) ? Number(e.appId) : e.appId;
  const message = stripUndefined({
    is_echo: true,
    app_id: appId,
    metadata: e.metadata,
    mid: e.mid,
    text: e.text,
    attachments: e.attachments as JsonValue | undefined,
    quick_replies: e.quickReplies,
  });
  return { sender: { id: p.accountId }, recipient: { id: p.scopedId }, timestamp, message };
}

export function deliveryEvent(p: Party, timestamp: number, mids: string[], watermark: number): MessagingItem {
  return { ...fromPerson(p, timestamp), delivery: { mids, watermark } };
}

/** Messenger reports reads by watermark; Instagram (`messaging_seen`) by the last seen mid. */
export function readEvent(p: Party, timestamp: number, read: { watermark: number } | { mid: string }): MessagingItem {
  return { ...fromPerson(p, timestamp), read };
}

export function reactionEvent(
  p: Party,
  timestamp: number,
  r: { mid: string; action: 'react' | 'unreact'; reaction?: string; emoji?: string },
): MessagingItem {
  const reaction =
    r.action === 'react'
      ? stripUndefined({ mid: r.mid, action: r.action, reaction: r.reaction, emoji: r.emoji })
      : { mid: r.mid, action: r.action };
  return { ...fromPerson(p, timestamp), reaction };
}

export function postbackEvent(
  p: Party,
  timestamp: number,
  pb: { mid: string; title: string; payload: string; referral?: Referral },
): MessagingItem {
  const postback = stripUndefined({
    mid: pb.mid,
    title: pb.title,
    payload: pb.payload,
    referral: pb.referral === undefined ? undefined : stripUndefined(pb.referral),
  });
  return { ...fromPerson(p, timestamp), postback };
}

export function referralEvent(p: Party, timestamp: number, referral: Referral): MessagingItem {
  return { ...fromPerson(p, timestamp), referral: stripUndefined(referral) };
}

export function optinEvent(p: Party, timestamp: number, optin: JsonRecord): MessagingItem {
  return { ...fromPerson(p, timestamp), optin };
}

/** Checkbox-plugin opt-in: no PSID relationship yet, so the item carries only `user_ref` and no sender. */
export function userRefOptinEvent(accountId: string, timestamp: number, ref: string, userRef: string): MessagingItem {
  return { recipient: { id: accountId }, timestamp, optin: { ref, user_ref: userRef } };
}

export function messageEditEvent(
  p: Party,
  timestamp: number,
  mid: string,
  text: string,
  numEdit: number,
): MessagingItem {
  return { ...fromPerson(p, timestamp), message_edit: { mid, text, num_edit: numEdit } };
}

/** Instagram unsend: the original mid with `is_deleted` (Messenger documents no unsend webhook). */
export function unsendEvent(p: Party, timestamp: number, mid: string): MessagingItem {
  return { ...fromPerson(p, timestamp), message: { mid, is_deleted: true } };
}

export type HandoverBody =
  | { kind: 'pass_thread_control'; previousOwnerAppId: string | null; newOwnerAppId: string; metadata?: string }
  | { kind: 'take_thread_control'; previousOwnerAppId: string | null; newOwnerAppId: string; metadata?: string }
  | { kind: 'request_thread_control'; requestedOwnerAppId: string; metadata?: string };

export function handoverEvent(p: Party, timestamp: number, h: HandoverBody): MessagingItem {
  const body =
    h.kind === 'request_thread_control'
      ? stripUndefined({ requested_owner_app_id: h.requestedOwnerAppId, metadata: h.metadata })
      : stripUndefined({
          previous_owner_app_id: h.previousOwnerAppId,
          new_owner_app_id: h.newOwnerAppId,
          metadata: h.metadata,
        });
  return { ...fromPerson(p, timestamp), [h.kind]: body };
}

/** The item's body key, e.g. `message`, `read`, `pass_thread_control`. */
export function bodyKeyOf(item: MessagingItem): string {
  const key = Object.keys(item).find((k) => k !== 'sender' && k !== 'recipient' && k !== 'timestamp');
  if (key === undefined) throw new Error('messaging item has no body');
  return key;
}

/** The subscription field that makes Meta deliver this item (meta-platform.md §2.0). */
export function subscriptionFieldOf(channel: Channel, item: MessagingItem): string {
  const key = bodyKeyOf(item);
  const isEcho = key === 'message' && (item.message as JsonRecord).is_echo === true;
  const table: Record<string, [messenger: string, instagram: string]> = {
    message: isEcho ? ['message_echoes', 'messages'] : ['messages', 'messages'],
    delivery: ['message_deliveries', 'message_deliveries'],
    read: ['message_reads', 'messaging_seen'],
    reaction: ['message_reactions', 'message_reactions'],
    postback: ['messaging_postbacks', 'messaging_postbacks'],
    referral: ['messaging_referrals', 'messaging_referrals'],
    optin: ['messaging_optins', 'messaging_optins'],
    message_edit: ['message_edits', 'message_edits'],
    pass_thread_control: ['messaging_handovers', 'messaging_handovers'],
    take_thread_control: ['messaging_handovers', 'messaging_handovers'],
    request_thread_control: ['messaging_handovers', 'messaging_handovers'],
    app_roles: ['messaging_handovers', 'messaging_handovers'],
    policy_enforcement: ['messaging_policy_enforcement', 'messaging_policy_enforcement'],
  };
  const fields = table[key];
  if (fields === undefined) throw new Error(`no subscription field for ${key}`);
  return fields[channel === 'messenger' ? 0 : 1];
}

export const PAGE_FIELDS = [
  'messages',
  'message_echoes',
  'message_deliveries',
  'message_reads',
  'message_reactions',
  'message_edits',
  'messaging_postbacks',
  'messaging_referrals',
  'messaging_optins',
  'messaging_handovers',
  'messaging_policy_enforcement',
  'messaging_account_linking',
  'messaging_feedback',
  'standby',
  'feed',
] as const;

export const INSTAGRAM_FIELDS = [
  'messages',
  'messaging_postbacks',
  'messaging_seen',
  'message_reactions',
  'message_edits',
  'messaging_referrals',
  'messaging_handovers',
  'messaging_optins',
  'messaging_policy_enforcement',
  'standby',
  'comments',
  'mentions',
] as const;

/** Meta's pages spell some fields both singular and plural; both are accepted and stored in the plural. */
export function canonicalField(field: string): string {
  const aliases: Record<string, string> = {
    messaging_referral: 'messaging_referrals',
    messaging_handover: 'messaging_handovers',
    message_edit: 'message_edits',
  };
  return aliases[field] ?? field;
}

export interface Subscriber {
  appId: string;
  fields: readonly string[];
}

export interface Routed {
  appId: string;
  kind: 'messaging' | 'standby';
  item: MessagingItem;
}

/**
 * Which subscribed apps receive an item, and how (meta-platform.md §2.10, §11.2): without a thread owner
 * every subscriber gets it in `messaging`; with one, the owner gets `messaging` and the others `standby`
 * (if they subscribed to it), where postbacks lose their payload.
 */
export function routeEvent(
  channel: Channel,
  item: MessagingItem,
  subscribers: readonly Subscriber[],
  ownerAppId: string | null,
): Routed[] {
  const field = subscriptionFieldOf(channel, item);
  const routed: Routed[] = [];
  for (const s of subscribers) {
    const fields = s.fields.map(canonicalField);
    if (ownerAppId === null || s.appId === ownerAppId) {
      if (fields.includes(field)) routed.push({ appId: s.appId, kind: 'messaging', item });
    } else if (fields.includes('standby')) {
      routed.push({ appId: s.appId, kind: 'standby', item: withoutPostbackPayload(item) });
    }
  }
  return routed;
}

function withoutPostbackPayload(item: MessagingItem): MessagingItem {
  if (item.postback === undefined || item.postback === null || typeof item.postback !== 'object') return item;
  const { payload: _payload, ...postback } = item.postback as JsonRecord;
  return { ...item, postback };
}
