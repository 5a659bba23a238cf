import { deterministicEventId } from '../event-id';

/**
 * `messaging.outbound.request.v1`: a message a CRM asked Parley to send, accepted and persisted. Record key =
 * `accountId` (the Page or Instagram account), so one consumer owns each account's pace and order;
 * CloudEvents `ce_id` = `messageId`.
 */
export type OutboundChannel = 'messenger' | 'instagram';

export const OUTBOUND_MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;
export type OutboundMessagingType = (typeof OUTBOUND_MESSAGING_TYPES)[number];

export const OUTBOUND_ATTACHMENT_TYPES = ['image', 'video', 'audio', 'file'] as const;
export type OutboundAttachmentType = (typeof OUTBOUND_ATTACHMENT_TYPES)[number];

export const OUTBOUND_BUTTON_TYPES = ['web_url', 'postback', 'phone_number'] as const;
export type OutboundButtonType = (typeof OUTBOUND_BUTTON_TYPES)[number];

export const OUTBOUND_QUICK_REPLY_TYPES = ['text', 'user_phone_number', 'user_email'] as const;
export type OutboundQuickReplyType = (typeof OUTBOUND_QUICK_REPLY_TYPES)[number];

export const OUTBOUND_TEMPLATE_TYPES = ['generic', 'button', 'media'] as const;
export type OutboundTemplateType = (typeof OUTBOUND_TEMPLATE_TYPES)[number];

export interface OutboundButton {
  type: OutboundButtonType;
  title: string;
  /** `web_url` buttons. */
  url?: string;
  /** `postback` payload, or the phone number of `phone_number` buttons. */
  payload?: string;
}

export interface OutboundGenericElement {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  defaultActionUrl?: string;
  buttons?: OutboundButton[];
}

export interface OutboundMediaElement {
  mediaType: 'image' | 'video';
  url?: string;
  attachmentId?: string;
  buttons?: OutboundButton[];
}

export type OutboundTemplate =
  | { type: 'generic'; elements: OutboundGenericElement[] }
  | { type: 'button'; text: string; buttons: OutboundButton[] }
  | { type: 'media'; elements: OutboundMediaElement[] };

export interface OutboundAttachment {
  type: OutboundAttachmentType;
  /** Meta fetches the file from this URL... */
  url?: string;
  /** ...or reuses an attachment uploaded before (`POST /v1/attachments`). */
  attachmentId?: string;
}

export interface OutboundQuickReply {
  contentType: OutboundQuickReplyType;
  title?: string;
  payload?: string;
  imageUrl?: string;
}

export interface OutboundReaction {
  /** Meta's id of the message reacted to. */
  messageId: string;
  action: 'react' | 'unreact';
  reaction?: string;
}

/** Exactly one of text, attachment, template, reaction; quick replies and reply-to go with a message. */
export interface OutboundContent {
  text?: string;
  attachment?: OutboundAttachment;
  template?: OutboundTemplate;
  reaction?: OutboundReaction;
  quickReplies?: OutboundQuickReply[];
  /** Meta's id of the message this one quotes. */
  replyTo?: string;
}

export interface OutboundRequestEvent {
  /** Parley's message id, given to the CRM in the 202 answer; also `ce_id`. */
  messageId: string;
  /** The CRM client's tenant; null when the request came without one (internal callers). */
  tenantId: string | null;
  channel: OutboundChannel;
  /** Facebook Page id (messenger) or Instagram professional account id (instagram). */
  accountId: string;
  /** The person's PSID / IGSID. */
  recipientId: string;
  /** `<channel>:<accountId>:<recipientId>`, as on `messaging.inbound.v1`. */
  conversationId: string;
  messagingType: OutboundMessagingType;
  tag: string | null;
  content: OutboundContent;
  acceptedAt: string;
}

/**
 * `messaging.outbound.status.v1`: every step of a message's life. Record key = `conversationId`, so a CRM
 * sees one conversation's statuses in order.
 */
export const OUTBOUND_STATUSES = ['accepted', 'sent', 'delivered', 'read', 'failed'] as const;
export type OutboundStatus = (typeof OUTBOUND_STATUSES)[number];

export interface OutboundFailure {
  /** Stable reason: outside_window, recipient_unreachable, token_invalid, rate_limited, ... */
  reason: string;
  /** Human-readable detail (Meta's message, or Parley's). */
  detail: string;
  metaCode: number | null;
  metaSubcode: number | null;
  fbtraceId: string | null;
}

export interface OutboundStatusEvent {
  /** Deterministic: the same step of the same message always has the same id. Equals `ce_id`. */
  eventId: string;
  messageId: string;
  conversationId: string;
  channel: OutboundChannel;
  accountId: string;
  status: OutboundStatus;
  /** Meta's message id once sent (null before, and for reactions, which Meta gives no id). */
  metaMessageId: string | null;
  occurredAt: string;
  failure: OutboundFailure | null;
}

export function outboundConversationId(channel: OutboundChannel, accountId: string, recipientId: string): string {
  return `${channel}:${accountId}:${recipientId}`;
}

/** `ce_id` of a status event: one id per message and status, so a repeated publication is dropped downstream. */
export function outboundStatusEventId(messageId: string, status: OutboundStatus): string {
  return deterministicEventId(`messaging.outbound.status.v1|${messageId}|${status}`);
}
