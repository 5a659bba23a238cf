import { randomUUID } from 'node:crypto';
import { OutboundContent, outboundConversationId } from '@app/contracts';
import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { CoalescingSender } from '@app/kafka';
import { Injectable, Logger } from '@nestjs/common';
import { AccountAccess, PageTokens } from '../accounts/page-tokens';
import { fileFingerprint, UploadedFile } from '../attachments/attachment-upload';
import { AttachmentsService } from '../attachments/attachments.service';
import { Clock } from '../common/clock';
import { SendDecisions } from '../compliance/send-decisions';
import { replayOf, requestHash, requireIdempotencyKey } from '../idempotency/request-hash';
import { AcceptedMessageView, MessagePageView, MessageView } from './dto/message-views.dto';
import { SendMessageDto } from './dto/send-message.dto';
import { contentOf, decodeCursor, encodeCursor, messageView } from './message-mapping';
import { messageProblems } from './message-rules';
import { AccountPauses } from '../pauses/account-pauses.service';
import { MessagesRepository } from './messages.repository';
import { OutboundEvents } from './outbound-events';
import { OutboundMessageEntity } from './outbound-message.entity';

const SEND_OPERATION = 'POST /v1/messages';

export interface Accepted {
  /** 202 for a new message; the stored status for a replay. */
  statusCode: number;
  body: AcceptedMessageView;
  replayed: boolean;
}

/**
 * Accepting a CRM's message: idempotency, channel rules, the tenant's own account, compliance's decision,
 * then persisted and published. Answers only once the request record is on Kafka.
 */
@Injectable()
export class MessagesService {
  private readonly logger = new Logger(MessagesService.name);
  /** Requests published together (one Kafka request carries many) are marked together, in one statement. */
  private readonly publishedMarks = new CoalescingSender<string>(
    (ids) => this.messages.markPublished(ids, this.clock.now()),
    { maxItems: 500 },
  );

  constructor(
    private readonly messages: MessagesRepository,
    private readonly events: OutboundEvents,
    private readonly decisions: SendDecisions,
    private readonly tokens: PageTokens,
    private readonly pauses: AccountPauses,
    private readonly attachments: AttachmentsService,
    private readonly clock: Clock,
  ) {}

  async send(
    principal: CrmPrincipal,
    dto: SendMessageDto,
    idempotencyKey: string | undefined,
    file?: UploadedFile,
  ): Promise<Accepted> {
    requireIdempotencyKey(idempotencyKey);
    const hash = requestHash(SEND_OPERATION, file ? { ...dto, file: fileFingerprint(file) } : dto);
    const replay = await this.replay(principal.tenantId, idempotencyKey, hash);
    if (replay) return replay;

    const content = contentOf(dto.message);
    const messagingType = dto.messagingType ?? 'RESPONSE';
    const problems = messageProblems({
      channel: dto.channel,
      messagingType,
      tag: dto.tag ?? null,
      message: content,
      fileAttached: file !== undefined,
    });
    if (problems.length > 0) {
      throw new DomainError('validation_failed', 'The message breaks a rule of its channel.', {
        errors: problems.map((p) => `${p.field} ${p.problem}`),
        fields: problems,
      });
    }
    const access = await this.tokens.accessFor(principal.tenantId, dto.channel, dto.accountId);
    const pause = await this.pauses.current(dto.channel, dto.accountId);
    if (pause) {
      throw new DomainError('send_denied', `Sending from this account is paused: ${pause.reason}`, {
        reason: 'account_paused',
        pausedUntil: pause.pausedUntil.toISOString(),
      });
    }
    const conversationId = outboundConversationId(dto.channel, dto.accountId, dto.recipientId);
    const decision = await this.decisions.decide({
      channel: dto.channel,
      accountId: dto.accountId,
      personId: dto.recipientId,
      conversationId,
      messagingType,
      tag: dto.tag ?? null,
      isHumanAgent: dto.humanAgent ?? false,
      templateType: content.template?.type ?? null,
      requestedBy: principal.clientId,
    });
    if (!decision.allowed) {
      throw new DomainError('send_denied', `Compliance refused the message: ${decision.reason}.`, {
        reason: decision.reason,
        rule: decision.rule,
        windowClosedAt: decision.windowClosedAt,
      });
    }
    // Only a message allowed to go costs an upload; the file itself is never stored or queued.
    const sendable = file ? await this.withUploadedFile(content, access, file) : content;

    const now = this.clock.now();
    const message = Object.assign(new OutboundMessageEntity(), {
      id: randomUUID(),
      tenantId: principal.tenantId,
      channel: dto.channel,
      accountId: dto.accountId,
      recipientId: dto.recipientId,
      conversationId,
      messagingType,
      tag: dto.tag ?? null,
      content: sendable,
      status: 'accepted' as const,
      metaMessageId: null,
      failure: null,
      outcomeUnknown: false,
      attempts: 0,
      sentAt: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const body: AcceptedMessageView = {
      id: message.id,
      status: 'accepted',
      conversationId,
      acceptedAt: now.toISOString(),
    };
    const stored = await this.messages.createAccepted(message, {
      tenantId: principal.tenantId,
      key: idempotencyKey,
      operation: SEND_OPERATION,
      requestHash: hash,
      statusCode: 202,
      response: { ...body },
    });
    if (!stored) {
      const raced = await this.replay(principal.tenantId, idempotencyKey, hash);
      if (raced) return raced;
      throw new DomainError('conflict', 'The Idempotency-Key is being used by a concurrent request.');
    }
    await this.publish(message);
    return { statusCode: 202, body, replayed: false };
  }

  /** Publishes an accepted message; a row left unpublished (Kafka away) is picked up by the relay. */
  async publish(message: OutboundMessageEntity): Promise<void> {
    try {
      // Submitted together, they leave in one Kafka request.
      await Promise.all([
        this.events.request(message),
        this.events.status(message, { status: 'accepted', occurredAt: message.createdAt }),
      ]);
    } catch (error) {
      this.logger.warn({ messageId: message.id, error: String(error) }, 'Outbound request not published yet');
      throw new DomainError('unavailable', 'The message is stored but could not be queued yet; it will be sent.', {
        messageId: message.id,
      });
    }
    await this.publishedMarks.submit([message.id]);
  }

  async get(principal: CrmPrincipal, id: string): Promise<MessageView> {
    const message = await this.messages.find(id);
    if (!message || message.tenantId !== principal.tenantId) throw new DomainError('not_found', 'Message not found.');
    return messageView(message, await this.messages.history(id));
  }

  async list(
    principal: CrmPrincipal,
    conversationId: string,
    cursor: string | undefined,
    limit = 50,
  ): Promise<MessagePageView> {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && after === null) {
      throw new DomainError('validation_failed', 'The cursor is not valid.', { errors: ['cursor is not valid'] });
    }
    const page = await this.messages.conversationPage(principal.tenantId, conversationId, after, limit);
    const views = await Promise.all(page.messages.map(async (m) => messageView(m, await this.messages.history(m.id))));
    return { data: views, nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  private async withUploadedFile(
    content: OutboundContent,
    access: AccountAccess,
    file: UploadedFile,
  ): Promise<OutboundContent> {
    const attachment = content.attachment!;
    const attachmentId = await this.attachments.uploadToMeta(access, attachment.type, { file });
    return { ...content, attachment: { type: attachment.type, attachmentId } };
  }

  private async replay(tenantId: string, key: string, hash: string): Promise<Accepted | null> {
    const stored = replayOf(await this.messages.storedAnswer(tenantId, key), SEND_OPERATION, hash);
    if (!stored) return null;
    return { statusCode: stored.statusCode, body: stored.response as unknown as AcceptedMessageView, replayed: true };
  }
}
