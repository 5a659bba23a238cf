import { OutboundButton, OutboundContent, OutboundFailure, OutboundTemplate } from '@app/contracts';
import { MessageStatusEntity } from './message-status.entity';
import { ButtonDto, MessageContentDto, TemplateDto } from './dto/send-message.dto';
import { MessageView } from './dto/message-views.dto';
import { OutboundMessageEntity } from './outbound-message.entity';

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const buttons = (list: ButtonDto[] | undefined): OutboundButton[] | undefined => list?.map((b) => compact({ ...b }));

function template(dto: TemplateDto): OutboundTemplate {
  switch (dto.type) {
    case 'button':
      return { type: 'button', text: dto.text ?? '', buttons: buttons(dto.buttons) ?? [] };
    case 'generic':
      return {
        type: 'generic',
        elements: (dto.elements ?? []).map((e) =>
          compact({
            title: e.title ?? '',
            subtitle: e.subtitle,
            imageUrl: e.imageUrl,
            defaultActionUrl: e.defaultActionUrl,
            buttons: buttons(e.buttons),
          }),
        ),
      };
    case 'media':
      return {
        type: 'media',
        elements: (dto.elements ?? []).map((e) =>
          compact({
            mediaType: e.mediaType ?? 'image',
            url: e.url,
            attachmentId: e.attachmentId,
            buttons: buttons(e.buttons),
          }),
        ),
      };
  }
}

/** The CRM's message as the channel-neutral content carried on Kafka (plain objects, no DTO classes). */
export function contentOf(dto: MessageContentDto): OutboundContent {
  return compact({
    text: dto.text,
    attachment: dto.attachment
      ? compact({ type: dto.attachment.type, url: dto.attachment.url, attachmentId: dto.attachment.attachmentId })
      : undefined,
    template: dto.template ? template(dto.template) : undefined,
    reaction: dto.reaction
      ? compact({ messageId: dto.reaction.messageId, action: dto.reaction.action, reaction: dto.reaction.reaction })
      : undefined,
    quickReplies: dto.quickReplies?.map((q) =>
      compact({ contentType: q.contentType, title: q.title, payload: q.payload, imageUrl: q.imageUrl }),
    ),
    replyTo: dto.replyTo,
  });
}

const failureView = (failure: OutboundFailure | null) => (failure ? { ...failure } : null);

export function messageView(message: OutboundMessageEntity, history: MessageStatusEntity[]): MessageView {
  return {
    id: message.id,
    channel: message.channel,
    accountId: message.accountId,
    recipientId: message.recipientId,
    conversationId: message.conversationId,
    status: message.status,
    metaMessageId: message.metaMessageId,
    failure: failureView(message.failure),
    history: history.map((step) => ({
      status: step.status,
      occurredAt: step.occurredAt.toISOString(),
      metaMessageId: step.metaMessageId,
      failure: failureView(step.failure),
    })),
    createdAt: message.createdAt.toISOString(),
  };
}

/** Opaque cursor of conversation paging: the last row's creation time and id. */
export function encodeCursor(position: { createdAt: Date; id: string }): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { createdAt, id };
}
