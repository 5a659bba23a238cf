import { OutboundButton, OutboundContent, OutboundRequestEvent, OutboundTemplate } from '@app/contracts';
import { SendKind } from './send-pacer';

type Json = Record<string, unknown>;

const METADATA_PREFIX = 'parley:';

/** Parley's id travels in `message.metadata`, so the echo names the message even when Meta's answer was lost. */
export function parleyMetadata(messageId: string): string {
  return `${METADATA_PREFIX}${messageId}`;
}

export function messageIdFromMetadata(metadata: string | null | undefined): string | null {
  return metadata?.startsWith(METADATA_PREFIX) ? metadata.slice(METADATA_PREFIX.length) : null;
}

/** Audio and video count against the Send API's lower media limit. */
export function sendKindOf(content: OutboundContent): SendKind {
  if (content.attachment)
    return content.attachment.type === 'audio' || content.attachment.type === 'video' ? 'media' : 'text';
  if (content.template?.type === 'media')
    return content.template.elements.some((e) => e.mediaType === 'video') ? 'media' : 'text';
  return 'text';
}

function compact(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function button(b: OutboundButton): Json {
  return compact({
    type: b.type,
    title: b.title,
    url: b.type === 'web_url' ? b.url : undefined,
    payload: b.type === 'web_url' ? undefined : b.payload,
  });
}

function buttons(list: readonly OutboundButton[] | undefined): Json[] | undefined {
  return list && list.length > 0 ? list.map(button) : undefined;
}

function templatePayload(template: OutboundTemplate): Json {
  switch (template.type) {
    case 'button':
      return { template_type: 'button', text: template.text, buttons: template.buttons.map(button) };
    case 'generic':
      return {
        template_type: 'generic',
        elements: template.elements.map((e) =>
          compact({
            title: e.title,
            subtitle: e.subtitle,
            image_url: e.imageUrl,
            default_action: e.defaultActionUrl ? { type: 'web_url', url: e.defaultActionUrl } : undefined,
            buttons: buttons(e.buttons),
          }),
        ),
      };
    case 'media':
      return {
        template_type: 'media',
        elements: template.elements.map((e) =>
          compact({ media_type: e.mediaType, url: e.url, attachment_id: e.attachmentId, buttons: buttons(e.buttons) }),
        ),
      };
  }
}

function message(content: OutboundContent, messageId: string): Json {
  const attachment = content.attachment
    ? {
        type: content.attachment.type,
        payload: content.attachment.attachmentId
          ? { attachment_id: content.attachment.attachmentId }
          : { url: content.attachment.url, is_reusable: true },
      }
    : content.template
      ? { type: 'template', payload: templatePayload(content.template) }
      : undefined;
  return compact({
    text: content.text,
    attachment,
    quick_replies: content.quickReplies?.map((q) =>
      compact({ content_type: q.contentType, title: q.title, payload: q.payload, image_url: q.imageUrl }),
    ),
    metadata: parleyMetadata(messageId),
  });
}

/** The Send API request body of an accepted message (meta-platform.md §4.2, §4.6). */
export function sendApiBody(request: OutboundRequestEvent): Json {
  const recipient = { id: request.recipientId };
  const { reaction } = request.content;
  if (reaction) {
    return {
      recipient,
      sender_action: reaction.action,
      payload: compact({
        message_id: reaction.messageId,
        reaction: reaction.action === 'react' ? reaction.reaction : undefined,
      }),
    };
  }
  return compact({
    recipient,
    messaging_type: request.messagingType,
    tag: request.tag ?? undefined,
    message: message(request.content, request.messageId),
    reply_to: request.content.replyTo ? { mid: request.content.replyTo } : undefined,
  });
}
