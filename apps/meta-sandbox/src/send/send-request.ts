import { Channel, GraphError, GraphErrors } from '../graph/graph-error';

/**
 * Validation of Send API requests (meta-platform.md §4, §5): Meta's limits, per channel, with Meta's
 * error codes. Takes the merged query/body parameters as received (form fields may carry JSON strings).
 */

export const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;
export type MessagingType = (typeof MESSAGING_TYPES)[number];

export const ACTIVE_TAGS: Record<Channel, readonly string[]> = {
  messenger: ['HUMAN_AGENT', 'CUSTOMER_FEEDBACK'],
  instagram: ['HUMAN_AGENT'],
};
export const RETIRED_TAGS = ['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'] as const;

export const NOTIFICATION_TYPES = ['REGULAR', 'SILENT_PUSH', 'NO_PUSH'] as const;
export const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen', 'react', 'unreact'] as const;
export type SenderAction = (typeof SENDER_ACTIONS)[number];

export const SEND_LIMITS = {
  messenger: { textMax: 2000, textUnit: 'characters', multiImageMax: 30 },
  instagram: { textMax: 1000, textUnit: 'bytes', multiImageMax: 10 },
  quickRepliesMax: 13,
  quickReplyTitleMax: 20,
  quickReplyPayloadMax: 1000,
  metadataMax: 1000,
  buttonTemplateTextMax: 640,
  buttonsMax: 3,
  genericElementsMax: 10,
  genericTitleMax: 80,
  genericSubtitleMax: 80,
  buttonTitleMax: 20,
  postbackPayloadMax: 1000,
} as const;

export type JsonObject = { [key: string]: unknown };

export type Recipient = { id: string } | { user_ref: string };

export interface QuickReply {
  content_type: 'text' | 'user_phone_number' | 'user_email';
  title?: string;
  payload?: string;
  image_url?: string;
}

export interface OutgoingAttachment {
  type: string;
  payload?: JsonObject;
}

export interface OutgoingMessage {
  text?: string;
  attachment?: OutgoingAttachment;
  attachments?: OutgoingAttachment[];
  sticker_id?: string;
  quick_replies?: QuickReply[];
  metadata?: string;
}

export interface MessageSend {
  kind: 'message';
  recipient: Recipient;
  messagingType: MessagingType | undefined;
  tag: string | undefined;
  notificationType: string | undefined;
  message: OutgoingMessage;
  replyTo: string | undefined;
  personaId: string | undefined;
  threadControl: { control_type: 'pass' | 'release'; app_id?: string } | undefined;
}

export interface SenderActionSend {
  kind: 'sender_action';
  recipient: Recipient;
  action: SenderAction;
  reaction: { messageId: string; reaction: string | undefined } | undefined;
}

export type SendRequest = MessageSend | SenderActionSend;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Graph accepts nested parameters either as JSON or as JSON-encoded strings (form posts). */
export function jsonParam(params: JsonObject, name: string): unknown {
  const value = params[name];
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    throw GraphErrors.invalidParam(`param ${name} must be a valid JSON object`);
  }
}

function optionalString(obj: JsonObject, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw GraphErrors.invalidParam(`param ${path} must be a string`);
  return v;
}

const codePoints = (s: string) => [...s].length;

function parseRecipient(params: JsonObject): Recipient {
  const raw = jsonParam(params, 'recipient');
  if (raw === undefined || raw === null || raw === '') throw GraphErrors.paramRequired('recipient');
  if (!isObject(raw)) throw GraphErrors.invalidParam('param recipient must be a JSON object');
  const keys = Object.keys(raw).filter((k) => raw[k] !== undefined && raw[k] !== null);
  if (keys.length !== 1)
    throw GraphErrors.invalidParam(
      'param recipient must have exactly one of id, user_ref, comment_id, post_id, notification_messages_token',
    );
  const key = keys[0];
  const value = optionalString(raw, key, `recipient[${key}]`) ?? '';
  if (key === 'id') return { id: value };
  if (key === 'user_ref') return { user_ref: value };
  throw GraphErrors.invalidParam(`recipient[${key}] is not supported for this Page in the Meta sandbox`);
}

function parseQuickReplies(raw: unknown, channel: Channel): QuickReply[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) throw GraphErrors.invalidParam('param message[quick_replies] must be an array');
  if (raw.length > SEND_LIMITS.quickRepliesMax) throw GraphErrors.tooManyQuickReplies(SEND_LIMITS.quickRepliesMax);
  return raw.map((item: unknown, i) => {
    const path = `message[quick_replies][${i}]`;
    if (!isObject(item)) throw GraphErrors.invalidParam(`param ${path} must be a JSON object`);
    const contentType = optionalString(item, 'content_type', `${path}[content_type]`) ?? '';
    const allowed = channel === 'instagram' ? ['text'] : ['text', 'user_phone_number', 'user_email'];
    // Phone and email quick replies were switched off on Instagram in 2026 (meta-platform.md §4.2).
    if (!allowed.includes(contentType)) throw GraphErrors.paramOneOf(`${path}[content_type]`, allowed, contentType);
    const title = optionalString(item, 'title', `${path}[title]`);
    const payload = optionalString(item, 'payload', `${path}[payload]`);
    const imageUrl = optionalString(item, 'image_url', `${path}[image_url]`);
    if (contentType === 'text') {
      if (!title && !imageUrl) throw GraphErrors.paramRequired(`${path}[title]`);
      if (payload === undefined || payload === '') throw GraphErrors.paramRequired(`${path}[payload]`);
    }
    if (title !== undefined && codePoints(title) > SEND_LIMITS.quickReplyTitleMax) {
      throw GraphErrors.invalidParam(
        `param ${path}[title] must be at most ${SEND_LIMITS.quickReplyTitleMax} characters long`,
      );
    }
    if (payload !== undefined && codePoints(payload) > SEND_LIMITS.quickReplyPayloadMax) {
      throw GraphErrors.invalidParam(
        `param ${path}[payload] must be at most ${SEND_LIMITS.quickReplyPayloadMax} characters long`,
      );
    }
    const reply: QuickReply = { content_type: contentType as QuickReply['content_type'] };
    if (title !== undefined) reply.title = title;
    if (payload !== undefined) reply.payload = payload;
    if (imageUrl !== undefined) reply.image_url = imageUrl;
    return reply;
  });
}

export function isFetchableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

function validateButtons(raw: unknown, path: string, channel: Channel, min: number, max: number): void {
  if (raw === undefined && min === 0) return;
  if (!Array.isArray(raw) || raw.length < min || raw.length > max) {
    throw GraphErrors.invalidParam(`param ${path} must have between ${min} and ${max} buttons`);
  }
  const allowed =
    channel === 'instagram'
      ? ['web_url', 'postback']
      : ['web_url', 'postback', 'phone_number', 'account_link', 'account_unlink', 'game_play'];
  raw.forEach((button: unknown, i) => {
    const bpath = `${path}[${i}]`;
    if (!isObject(button)) throw GraphErrors.invalidParam(`param ${bpath} must be a JSON object`);
    const type = optionalString(button, 'type', `${bpath}[type]`) ?? '';
    if (!allowed.includes(type)) throw GraphErrors.paramOneOf(`${bpath}[type]`, allowed, type);
    const title = optionalString(button, 'title', `${bpath}[title]`);
    if (type !== 'account_unlink' && !title) throw GraphErrors.paramRequired(`${bpath}[title]`);
    if (title && codePoints(title) > SEND_LIMITS.buttonTitleMax) {
      throw GraphErrors.invalidParam(
        `param ${bpath}[title] must be at most ${SEND_LIMITS.buttonTitleMax} characters long`,
      );
    }
    if (type === 'web_url') {
      const url = optionalString(button, 'url', `${bpath}[url]`) ?? '';
      if (!isFetchableUrl(url)) throw GraphErrors.invalidParam(`param ${bpath}[url] must be a valid URL`);
    }
    if (type === 'postback' || type === 'phone_number') {
      const payload = optionalString(button, 'payload', `${bpath}[payload]`);
      if (!payload) throw GraphErrors.paramRequired(`${bpath}[payload]`);
      if (codePoints(payload) > SEND_LIMITS.postbackPayloadMax) {
        throw GraphErrors.invalidParam(
          `param ${bpath}[payload] must be at most ${SEND_LIMITS.postbackPayloadMax} characters long`,
        );
      }
    }
  });
}

const TEMPLATE_TYPES: Record<Channel, readonly string[]> = {
  messenger: ['generic', 'button', 'media', 'receipt', 'customer_feedback', 'product', 'notification_messages'],
  instagram: ['generic', 'button', 'product'],
};
const DEPRECATED_TEMPLATES = [
  'list',
  'open_graph',
  'airline_boardingpass',
  'airline_checkin',
  'airline_itinerary',
  'airline_update',
];

function validateTemplate(payload: JsonObject, channel: Channel): void {
  const path = 'message[attachment][payload]';
  const templateType = optionalString(payload, 'template_type', `${path}[template_type]`) ?? '';
  if (DEPRECATED_TEMPLATES.includes(templateType)) {
    throw GraphErrors.invalidParam(`The ${templateType} template is deprecated and no longer supported`);
  }
  if (!TEMPLATE_TYPES[channel].includes(templateType)) {
    throw GraphErrors.paramOneOf(`${path}[template_type]`, TEMPLATE_TYPES[channel], templateType);
  }
  if (templateType === 'button') {
    const text = optionalString(payload, 'text', `${path}[text]`);
    if (!text) throw GraphErrors.paramRequired(`${path}[text]`);
    if (codePoints(text) > SEND_LIMITS.buttonTemplateTextMax) {
      throw GraphErrors.invalidParam(
        `param ${path}[text] must be at most ${SEND_LIMITS.buttonTemplateTextMax} characters long`,
      );
    }
    validateButtons(payload.buttons, `${path}[buttons]`, channel, 1, SEND_LIMITS.buttonsMax);
  }
  if (templateType === 'generic' || templateType === 'media' || templateType === 'product') {
    const elements = payload.elements;
    const max = templateType === 'media' ? 1 : SEND_LIMITS.genericElementsMax;
    if (!Array.isArray(elements) || elements.length === 0 || elements.length > max) {
      throw GraphErrors.invalidParam(`param ${path}[elements] must have between 1 and ${max} elements`);
    }
    elements.forEach((element: unknown, i) => {
      const epath = `${path}[elements][${i}]`;
      if (!isObject(element)) throw GraphErrors.invalidParam(`param ${epath} must be a JSON object`);
      if (templateType === 'generic') validateGenericElement(element, epath, channel);
      if (templateType === 'media') validateMediaElement(element, epath, channel);
      if (templateType === 'product' && !optionalString(element, 'id', `${epath}[id]`)) {
        throw GraphErrors.paramRequired(`${epath}[id]`);
      }
    });
  }
}

function validateGenericElement(element: JsonObject, path: string, channel: Channel): void {
  const title = optionalString(element, 'title', `${path}[title]`);
  if (!title) throw GraphErrors.paramRequired(`${path}[title]`);
  if (codePoints(title) > SEND_LIMITS.genericTitleMax) {
    throw GraphErrors.invalidParam(
      `param ${path}[title] must be at most ${SEND_LIMITS.genericTitleMax} characters long`,
    );
  }
  const subtitle = optionalString(element, 'subtitle', `${path}[subtitle]`);
  if (subtitle && codePoints(subtitle) > SEND_LIMITS.genericSubtitleMax) {
    throw GraphErrors.invalidParam(
      `param ${path}[subtitle] must be at most ${SEND_LIMITS.genericSubtitleMax} characters long`,
    );
  }
  const hasMore = ['subtitle', 'image_url', 'buttons', 'default_action'].some((k) => element[k] !== undefined);
  if (!hasMore) throw GraphErrors.invalidParam(`param ${path} must have at least one property besides title`);
  const imageUrl = optionalString(element, 'image_url', `${path}[image_url]`);
  if (imageUrl !== undefined && !isFetchableUrl(imageUrl)) throw GraphErrors.attachmentFetchFailed();
  validateButtons(element.buttons, `${path}[buttons]`, channel, 0, SEND_LIMITS.buttonsMax);
}

function validateMediaElement(element: JsonObject, path: string, channel: Channel): void {
  const mediaType = optionalString(element, 'media_type', `${path}[media_type]`) ?? '';
  if (!['image', 'video'].includes(mediaType))
    throw GraphErrors.paramOneOf(`${path}[media_type]`, ['image', 'video'], mediaType);
  if (!element.attachment_id && !element.url) throw GraphErrors.paramRequired(`${path}[attachment_id]`);
  validateButtons(element.buttons, `${path}[buttons]`, channel, 0, 1);
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'file'];
const ATTACHMENT_TYPES: Record<Channel, readonly string[]> = {
  messenger: [...MEDIA_TYPES, 'template'],
  instagram: [...MEDIA_TYPES, 'template', 'MEDIA_SHARE', 'like_heart'],
};

/** Validates one `message.attachment`; returns it with `payload` normalized. */
export function parseAttachment(raw: unknown, channel: Channel, path = 'message[attachment]'): OutgoingAttachment {
  if (!isObject(raw)) throw GraphErrors.invalidParam(`param ${path} must be a JSON object`);
  const type = optionalString(raw, 'type', `${path}[type]`) ?? '';
  if (!ATTACHMENT_TYPES[channel].includes(type))
    throw GraphErrors.paramOneOf(`${path}[type]`, ATTACHMENT_TYPES[channel], type);
  if (type === 'like_heart') return { type };
  const payload = raw.payload;
  if (!isObject(payload)) throw GraphErrors.paramRequired(`${path}[payload]`);
  if (type === 'template') {
    validateTemplate(payload, channel);
    return { type, payload };
  }
  if (type === 'MEDIA_SHARE') {
    if (!optionalString(payload, 'id', `${path}[payload][id]`)) throw GraphErrors.paramRequired(`${path}[payload][id]`);
    return { type, payload };
  }
  const url = optionalString(payload, 'url', `${path}[payload][url]`);
  const attachmentId = optionalString(payload, 'attachment_id', `${path}[payload][attachment_id]`);
  if (url !== undefined && attachmentId !== undefined) {
    throw GraphErrors.invalidParam(`Only one of ${path}[payload][url] and ${path}[payload][attachment_id] can be set`);
  }
  if (url === undefined && attachmentId === undefined) throw GraphErrors.paramRequired(`${path}[payload][url]`);
  if (url !== undefined && !isFetchableUrl(url)) throw GraphErrors.attachmentFetchFailed();
  const isReusable = payload.is_reusable;
  if (isReusable !== undefined && typeof isReusable !== 'boolean') {
    throw GraphErrors.invalidParam(`param ${path}[payload][is_reusable] must be a boolean`);
  }
  return {
    type,
    payload: {
      ...(url !== undefined && { url }),
      ...(attachmentId !== undefined && { attachment_id: attachmentId }),
      ...(isReusable === true && { is_reusable: true }),
    },
  };
}

function parseMessage(raw: unknown, channel: Channel): OutgoingMessage {
  if (raw === undefined || raw === null || raw === '') throw GraphErrors.paramRequired('message');
  if (!isObject(raw)) throw GraphErrors.invalidParam('param message must be a JSON object');
  const text = optionalString(raw, 'text', 'message[text]');
  const contentKeys = ['text', 'attachment', 'attachments', 'sticker_id'].filter(
    (k) => raw[k] !== undefined && raw[k] !== '',
  );
  if (contentKeys.length === 0) throw GraphErrors.emptyMessage();
  if (contentKeys.length > 1)
    throw GraphErrors.invalidParam(`Only one of ${contentKeys.join(', ')} can be set in param message`);
  const message: OutgoingMessage = {};
  if (text !== undefined) {
    const limits = SEND_LIMITS[channel];
    const length = limits.textUnit === 'bytes' ? Buffer.byteLength(text, 'utf8') : codePoints(text);
    if (length > limits.textMax) throw GraphErrors.textTooLong(limits.textMax, limits.textUnit);
    message.text = text;
  }
  if (raw.attachment !== undefined) message.attachment = parseAttachment(raw.attachment, channel);
  if (raw.attachments !== undefined) message.attachments = parseMultiImage(raw.attachments, channel);
  if (raw.sticker_id !== undefined) {
    if (channel === 'instagram')
      throw GraphErrors.invalidParam(
        'param message[sticker_id] is not supported for Instagram; use attachment type like_heart',
      );
    message.sticker_id = optionalString(raw, 'sticker_id', 'message[sticker_id]');
  }
  const quickReplies = parseQuickReplies(raw.quick_replies, channel);
  if (quickReplies !== undefined) message.quick_replies = quickReplies;
  const metadata = optionalString(raw, 'metadata', 'message[metadata]');
  if (metadata !== undefined) {
    if (codePoints(metadata) > SEND_LIMITS.metadataMax) {
      throw GraphErrors.invalidParam(
        `param message[metadata] must be at most ${SEND_LIMITS.metadataMax} characters long`,
      );
    }
    message.metadata = metadata;
  }
  return message;
}

function parseMultiImage(raw: unknown, channel: Channel): OutgoingAttachment[] {
  const max = SEND_LIMITS[channel].multiImageMax;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > max) {
    throw GraphErrors.invalidParam(`param message[attachments] must have between 1 and ${max} items`);
  }
  return raw.map((item: unknown, i) => {
    const attachment = parseAttachment(item, channel, `message[attachments][${i}]`);
    if (attachment.type !== 'image')
      throw GraphErrors.paramOneOf(`message[attachments][${i}][type]`, ['image'], attachment.type);
    return attachment;
  });
}

function parseSenderAction(params: JsonObject, recipient: Recipient, channel: Channel): SenderActionSend {
  const action = optionalString(params, 'sender_action', 'sender_action') ?? '';
  if (!(SENDER_ACTIONS as readonly string[]).includes(action))
    throw GraphErrors.paramOneOf('sender_action', SENDER_ACTIONS, action);
  if (params.message !== undefined) throw GraphErrors.invalidParam('Only one of message and sender_action can be set');
  if (action !== 'react' && action !== 'unreact')
    return { kind: 'sender_action', recipient, action: action as SenderAction, reaction: undefined };
  const payload = jsonParam(params, 'payload');
  if (!isObject(payload)) throw GraphErrors.paramRequired('payload');
  const messageId = optionalString(payload, 'message_id', 'payload[message_id]');
  if (!messageId) throw GraphErrors.paramRequired('payload[message_id]');
  const reaction = optionalString(payload, 'reaction', 'payload[reaction]');
  if (action === 'react') {
    if (!reaction) throw GraphErrors.paramRequired('payload[reaction]');
    // Instagram documents only the heart (`love`); Messenger accepts any emoji.
    if (channel === 'instagram' && reaction !== 'love')
      throw GraphErrors.paramOneOf('payload[reaction]', ['love'], reaction);
  }
  return { kind: 'sender_action', recipient, action, reaction: { messageId, reaction } };
}

function parseThreadControl(params: JsonObject): MessageSend['threadControl'] {
  const raw = jsonParam(params, 'thread_control');
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw GraphErrors.invalidParam('param thread_control must be a JSON object');
  const controlType = optionalString(raw, 'control_type', 'thread_control[control_type]') ?? '';
  if (controlType !== 'pass' && controlType !== 'release')
    throw GraphErrors.paramOneOf('thread_control[control_type]', ['pass', 'release'], controlType);
  const appId = optionalString(raw, 'app_id', 'thread_control[app_id]');
  if (controlType === 'pass' && !appId) throw GraphErrors.paramRequired('thread_control[app_id]');
  return { control_type: controlType, ...(appId !== undefined && { app_id: appId }) };
}

/** Parses and validates a Send API call; throws a {@link GraphError} exactly as Meta would reject it. */
export function parseSendRequest(params: JsonObject, channel: Channel): SendRequest {
  const recipient = parseRecipient(params);
  if (params.sender_action !== undefined) return parseSenderAction(params, recipient, channel);

  const messagingType = optionalString(params, 'messaging_type', 'messaging_type');
  // Required on Messenger since 2018; Instagram accepts its omission (meta-platform.md §4.2).
  if (messagingType === undefined && channel === 'messenger') throw GraphErrors.paramRequired('messaging_type');
  if (messagingType !== undefined && !(MESSAGING_TYPES as readonly string[]).includes(messagingType)) {
    throw GraphErrors.paramOneOf('messaging_type', MESSAGING_TYPES, messagingType);
  }
  const tag = optionalString(params, 'tag', 'tag');
  validateTag(tag, messagingType as MessagingType | undefined, channel);

  const notificationType = optionalString(params, 'notification_type', 'notification_type');
  if (notificationType !== undefined && !(NOTIFICATION_TYPES as readonly string[]).includes(notificationType)) {
    throw GraphErrors.paramOneOf('notification_type', NOTIFICATION_TYPES, notificationType);
  }
  const message = parseMessage(jsonParam(params, 'message'), channel);
  if (tag === 'CUSTOMER_FEEDBACK' && message.attachment?.payload?.template_type !== 'customer_feedback') {
    throw GraphErrors.invalidParam('The CUSTOMER_FEEDBACK tag can only be used with the customer feedback template');
  }
  const replyToRaw = jsonParam(params, 'reply_to');
  let replyTo: string | undefined;
  if (replyToRaw !== undefined) {
    if (!isObject(replyToRaw)) throw GraphErrors.invalidParam('param reply_to must be a JSON object');
    replyTo = optionalString(replyToRaw, 'mid', 'reply_to[mid]');
    if (!replyTo) throw GraphErrors.paramRequired('reply_to[mid]');
  }
  return {
    kind: 'message',
    recipient,
    messagingType: messagingType as MessagingType | undefined,
    tag,
    notificationType,
    message,
    replyTo,
    personaId: optionalString(params, 'persona_id', 'persona_id'),
    threadControl: parseThreadControl(params),
  };
}

function validateTag(tag: string | undefined, messagingType: MessagingType | undefined, channel: Channel): void {
  if (messagingType === 'MESSAGE_TAG' && !tag)
    throw GraphErrors.invalidParam('Tag is required for MESSAGE_TAG messaging type');
  if (tag === undefined) return;
  if (messagingType !== 'MESSAGE_TAG' && channel === 'messenger') {
    throw GraphErrors.invalidParam('param tag can only be used with messaging_type MESSAGE_TAG');
  }
  if ((RETIRED_TAGS as readonly string[]).includes(tag)) throw GraphErrors.tagRetired(tag, ACTIVE_TAGS[channel]);
  if (!ACTIVE_TAGS[channel].includes(tag)) throw GraphErrors.paramOneOf('tag', ACTIVE_TAGS[channel], tag);
}

export function isGraphError(e: unknown): e is GraphError {
  return e instanceof GraphError;
}
