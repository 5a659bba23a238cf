import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { Clock, IdGenerator } from '../common/ids';
import { AttachmentEntity } from '../conversations/conversation.entities';
import { ConversationRepository } from '../conversations/conversation.repository';
import { Channel, GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { GraphNode } from '../graph/graph-node.resolver';
import { InboundAttachment, JsonRecord } from '../webhooks/events';
import { jsonParam, JsonObject, OutgoingAttachment, parseAttachment } from './send-request';

export interface UploadedFile {
  buffer: Buffer;
  size: number;
  mimetype: string;
}

export interface ResolvedAttachment {
  /** How the attachment appears in the echo. */
  echo: InboundAttachment;
  /** Set when the send asked for `is_reusable`. */
  attachmentId?: string;
}

const MB = 1024 * 1024;

/** Upload limits per type (meta-platform.md §4.2): 25 MB on Messenger; 8 MB images on Instagram. */
export function maxAttachmentBytes(channel: Channel, type: string): number {
  return channel === 'instagram' && type === 'image' ? 8 * MB : 25 * MB;
}

/** Attachment Upload API and attachment reuse; attachment ids are Page-scoped. */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly auth: GraphAuthService,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** `POST /{page-id}/message_attachments`, by URL or as multipart `filedata`. */
  async upload(
    call: GraphCall,
    ctx: AuthContext,
    node: GraphNode,
    file: UploadedFile | undefined,
  ): Promise<{ attachment_id: string }> {
    if (node.kind !== 'page' && node.kind !== 'instagram') throw GraphErrors.unsupportedRequest('post', node.id);
    const channel: Channel =
      node.kind === 'instagram' || call.params.platform === 'instagram' ? 'instagram' : 'messenger';
    await this.auth.requirePage(ctx, node.page.id, node.id, 'post', 'attachments', channel);
    const message = jsonParam(call.params, 'message');
    const raw = typeof message === 'object' && message !== null ? (message as JsonObject).attachment : undefined;
    if (raw === undefined) throw GraphErrors.paramRequired('message[attachment]');
    const type = typeof raw === 'object' && raw !== null ? (raw as JsonObject).type : undefined;
    if (file !== undefined) {
      if (typeof type !== 'string' || !['image', 'video', 'audio', 'file'].includes(type)) {
        throw GraphErrors.paramOneOf('message[attachment][type]', ['image', 'video', 'audio', 'file'], String(type));
      }
      if (file.size > maxAttachmentBytes(channel, type)) throw GraphErrors.attachmentTooLarge();
      return { attachment_id: await this.store(node.page.id, type, null, file) };
    }
    const attachment = parseAttachment(raw, channel);
    const url = attachment.payload?.url;
    if (typeof url !== 'string') throw GraphErrors.paramRequired('message[attachment][payload][url]');
    return { attachment_id: await this.store(node.page.id, attachment.type, url, undefined) };
  }

  async resolveForSend(pageId: string, attachment: OutgoingAttachment): Promise<ResolvedAttachment> {
    const payload = attachment.payload ?? {};
    if (attachment.type === 'template') {
      const elements = Array.isArray(payload.elements) ? (payload.elements as JsonObject[]) : [];
      const title =
        typeof payload.text === 'string' ? payload.text : elements.map((e) => String(e.title ?? '')).join(', ');
      return { echo: { title, url: null, type: 'template', payload: payload as JsonRecord } as InboundAttachment };
    }
    if (typeof payload.attachment_id === 'string') {
      const stored = await this.conversations.attachment(payload.attachment_id);
      if (!stored || stored.accountId !== pageId) throw GraphErrors.attachmentNotFound();
      return { echo: { type: attachment.type, payload: { url: stored.url ?? this.contentUrl(stored.id) } } };
    }
    if (typeof payload.url === 'string') {
      const attachmentId =
        payload.is_reusable === true ? await this.store(pageId, attachment.type, payload.url, undefined) : undefined;
      return { echo: { type: attachment.type, payload: { url: payload.url } }, ...(attachmentId && { attachmentId }) };
    }
    return { echo: { type: attachment.type, payload: (attachment.payload as JsonRecord | undefined) ?? null } };
  }

  contentUrl(id: string): string {
    return `/_sandbox/attachments/${id}/content`;
  }

  private async store(
    pageId: string,
    type: string,
    url: string | null,
    file: UploadedFile | undefined,
  ): Promise<string> {
    const id = this.ids.numeric(16);
    await this.conversations.insertAttachment(
      Object.assign(new AttachmentEntity(), {
        id,
        accountId: pageId,
        type,
        url,
        mimeType: file?.mimetype ?? null,
        content: file?.buffer ?? null,
        createdAt: new Date(this.clock.now()),
      }),
    );
    return id;
  }
}
