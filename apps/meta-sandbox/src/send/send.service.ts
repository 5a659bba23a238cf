import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { Clock, IdGenerator } from '../common/ids';
import { SandboxSettings } from '../common/sandbox-settings';
import { ConversationEntity } from '../conversations/conversation.entities';
import { ConversationRepository } from '../conversations/conversation.repository';
import { ThreadService } from '../conversations/thread.service';
import { HandoverService } from '../handover/handover.service';
import { Channel, GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { GraphNode } from '../graph/graph-node.resolver';
import { RateLimitService, SendKind } from '../limits/rate-limit.service';
import { deliveryEvent, echoEvent, InboundAttachment, JsonRecord, readEvent } from '../webhooks/events';
import { WebhookEmitter } from '../webhooks/webhook-emitter.service';
import { IdentityEntity, PageEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';
import { AttachmentService } from './attachment.service';
import { checkMessagingWindow } from './messaging-window';
import {
  jsonParam,
  JsonObject,
  MessageSend,
  OutgoingAttachment,
  parseSendRequest,
  SenderActionSend,
} from './send-request';

interface SendTarget {
  channel: Channel;
  accountId: string;
  page: PageEntity;
}

/** The Send API (meta-platform.md §4): checks in Meta's order, stores, answers, and produces the webhooks. */
@Injectable()
export class SendService {
  constructor(
    private readonly auth: GraphAuthService,
    private readonly world: WorldRepository,
    private readonly conversations: ConversationRepository,
    private readonly threads: ThreadService,
    private readonly attachments: AttachmentService,
    private readonly handover: HandoverService,
    private readonly emitter: WebhookEmitter,
    private readonly limits: RateLimitService,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly settings: SandboxSettings,
  ) {}

  async send(call: GraphCall, ctx: AuthContext, node: GraphNode): Promise<Record<string, unknown>> {
    const target = await this.targetOf(node, call.params);
    await this.auth.requirePage(ctx, target.page.id, node.id, 'post', 'send', target.channel);
    await this.auth.countBusinessUseCase(call, target.channel, target.accountId);
    this.limits.consumeSend(target.channel, target.accountId, sendKind(call.params));
    const request = parseSendRequest(call.params, target.channel);
    if (!('id' in request.recipient))
      throw GraphErrors.invalidParam('recipient[user_ref] is not supported for this Page in the Meta sandbox');
    const identity = await this.world.identity(request.recipient.id);
    if (!identity || identity.accountId !== target.accountId) throw GraphErrors.noMatchingUser(target.channel);
    const person = await this.world.person(identity.personId);
    if (!person?.available) throw GraphErrors.personUnavailable();
    const conversation = await this.threads.open(target.channel, target.accountId, identity.scopedId);
    return request.kind === 'sender_action'
      ? this.senderAction(ctx, target, identity, conversation, request)
      : this.message(call, ctx, target, identity, conversation, request);
  }

  /** Page paths send to PSIDs of the Page or IGSIDs of its linked account; Instagram paths to IGSIDs only. */
  private async targetOf(node: GraphNode, params: JsonObject): Promise<SendTarget> {
    if (node.kind === 'instagram') return { channel: 'instagram', accountId: node.account.id, page: node.page };
    if (node.kind !== 'page') throw GraphErrors.unsupportedRequest('post', node.id);
    const recipient = safeRecipientId(params);
    const identity = recipient ? await this.world.identity(recipient) : null;
    const ig = identity?.channel === 'instagram' ? await this.world.instagramAccountOfPage(node.page.id) : null;
    if (identity && ig && identity.accountId === ig.id)
      return { channel: 'instagram', accountId: ig.id, page: node.page };
    return { channel: 'messenger', accountId: node.page.id, page: node.page };
  }

  private async senderAction(
    ctx: AuthContext,
    target: SendTarget,
    identity: IdentityEntity,
    conversation: ConversationEntity,
    request: SenderActionSend,
  ): Promise<Record<string, unknown>> {
    this.checkWindow(ctx, target.channel, conversation, undefined, undefined);
    const now = new Date(this.clock.now());
    if (request.reaction) {
      const message = await this.conversations.message(request.reaction.messageId);
      if (!message || message.conversationId !== conversation.id)
        throw GraphErrors.invalidParam('param payload[message_id] must be a message of this conversation');
      const reactions = { ...message.reactions };
      if (request.action === 'react' && request.reaction.reaction)
        reactions.page = { reaction: request.reaction.reaction };
      else delete reactions.page;
      await this.conversations.updateMessage(message.mid, { reactions });
    }
    await this.conversations.insertSenderAction({
      conversationId: conversation.id,
      appId: ctx.app.id,
      action: request.action,
      payload: request.reaction ?? null,
      createdAt: now,
    });
    return { recipient_id: identity.scopedId };
  }

  private async message(
    call: GraphCall,
    ctx: AuthContext,
    target: SendTarget,
    identity: IdentityEntity,
    conversation: ConversationEntity,
    request: MessageSend,
  ): Promise<Record<string, unknown>> {
    this.checkWindow(ctx, target.channel, conversation, request.messagingType, request.tag);
    if (request.replyTo) {
      const quoted = await this.conversations.message(request.replyTo);
      if (!quoted || quoted.conversationId !== conversation.id)
        throw GraphErrors.invalidParam('param reply_to[mid] must be a message of this conversation');
    }
    const attachments = [
      ...(request.message.attachment ? [request.message.attachment] : []),
      ...(request.message.attachments ?? []),
    ];
    const resolved = await Promise.all(attachments.map((a) => this.attachments.resolveForSend(target.page.id, a)));
    const now = new Date(this.clock.now());
    const mid = this.ids.messageId(target.channel, target.accountId);
    const echoAttachments = resolved.map((r) => r.echo);
    await this.conversations.insertMessage({
      mid,
      conversationId: conversation.id,
      direction: 'outbound',
      appId: ctx.app.id,
      createdAt: now,
      text: request.message.text ?? null,
      attachments: echoAttachments.length
        ? echoAttachments
        : request.message.sticker_id
          ? [{ type: 'image', payload: { sticker_id: request.message.sticker_id } }]
          : null,
      quickReply: request.message.quick_replies ?? null,
      replyTo: request.replyTo ?? null,
      metadata: request.message.metadata ?? null,
      messagingType: request.messagingType ?? null,
      tag: request.tag ?? null,
      request: redactToken(call.params),
      reactions: {},
    });
    await this.conversations.update(conversation.id, { updatedAt: now });
    await this.produceWebhooks(
      ctx,
      target,
      identity,
      { ...conversation, updatedAt: now },
      mid,
      now,
      request,
      echoAttachments,
    );
    if (request.threadControl) await this.handover.viaSend(ctx, target.page, conversation, request.threadControl);
    const reusable = resolved.find((r) => r.attachmentId !== undefined)?.attachmentId;
    return {
      recipient_id: identity.scopedId,
      message_id: mid,
      ...(reusable !== undefined && { attachment_id: reusable }),
    };
  }

  private checkWindow(
    ctx: AuthContext,
    channel: Channel,
    conversation: ConversationEntity,
    messagingType: MessageSend['messagingType'],
    tag: string | undefined,
  ): void {
    const error = checkMessagingWindow({
      channel,
      messagingType,
      tag,
      lastUserActionAt: conversation.lastUserActionAt?.getTime() ?? null,
      now: this.clock.now(),
      humanAgentApproved: ctx.app.humanAgentApproved,
    });
    if (error) throw error;
  }

  /** The echo now; on Messenger a delivery receipt later; then, if the person reads on their own, a read. */
  private async produceWebhooks(
    ctx: AuthContext,
    target: SendTarget,
    identity: IdentityEntity,
    conversation: ConversationEntity,
    mid: string,
    now: Date,
    request: MessageSend,
    attachments: InboundAttachment[],
  ): Promise<void> {
    const party = { channel: target.channel, accountId: target.accountId, scopedId: identity.scopedId };
    const emitTarget = this.threads.target(conversation, target.page);
    const echo = echoEvent(party, now.getTime(), {
      mid,
      appId: ctx.app.id,
      metadata: request.message.metadata,
      text: request.message.text,
      attachments: attachments.length ? attachments : undefined,
    });
    await this.emitter.emit(emitTarget, echo, now, now);
    const { deliveryReceiptDelayMs, readReceiptDelayMs } = this.settings.delivery;
    if (target.channel === 'messenger' && deliveryReceiptDelayMs !== null) {
      const at = new Date(now.getTime() + deliveryReceiptDelayMs);
      await this.emitter.emit(emitTarget, deliveryEvent(party, at.getTime(), [mid], now.getTime()), at, now);
      await this.conversations.updateMessage(mid, { deliveredAt: at });
    }
    if (readReceiptDelayMs !== null) {
      const at = new Date(now.getTime() + readReceiptDelayMs);
      const read = target.channel === 'messenger' ? { watermark: now.getTime() } : { mid };
      await this.emitter.emit(emitTarget, readEvent(party, at.getTime(), read), at, now);
      await this.conversations.updateMessage(mid, { readAt: at });
    }
  }
}

function safeRecipientId(params: JsonObject): string | undefined {
  try {
    const recipient = jsonParam(params, 'recipient');
    return typeof recipient === 'object' && recipient !== null && 'id' in recipient
      ? String((recipient as JsonRecord).id)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Audio and video have their own, lower Send API limit (meta-platform.md §7.1). */
function sendKind(params: JsonObject): SendKind {
  try {
    const message = jsonParam(params, 'message');
    const attachment =
      typeof message === 'object' && message !== null
        ? (message as { attachment?: OutgoingAttachment }).attachment
        : undefined;
    return attachment?.type === 'audio' || attachment?.type === 'video' ? 'media' : 'text';
  } catch {
    return 'text';
  }
}

function redactToken(params: JsonObject): JsonObject {
  const { access_token: _token, appsecret_proof: _proof, ...rest } = params;
  return rest;
}
