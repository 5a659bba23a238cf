import { OutboundFailure, OutboundStatus } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, LessThan } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { SentMessage } from '../receipts/receipt-matching';
import { MessageStatusEntity } from './message-status.entity';
import { OutboundMessageEntity } from './outbound-message.entity';

export interface StoredAnswer {
  operation: string;
  requestHash: string;
  statusCode: number;
  response: Record<string, unknown>;
}

export interface StatusUpdate {
  status: OutboundStatus;
  occurredAt: Date;
  metaMessageId?: string | null;
  sentAt?: Date | null;
  failure?: OutboundFailure | null;
  outcomeUnknown?: boolean;
}

export interface ConversationPage {
  messages: OutboundMessageEntity[];
  /** Pass back to get the next page; null on the last. */
  next: { createdAt: Date; id: string } | null;
}

/** Messages, their status history and idempotency answers in the outbound schema. */
export abstract class MessagesRepository {
  abstract storedAnswer(tenantId: string, key: string): Promise<StoredAnswer | null>;
  /** Stores a new message, its `accepted` step and the idempotency answer at once; false when the key was taken meanwhile. */
  abstract createAccepted(
    message: OutboundMessageEntity,
    idempotency: (StoredAnswer & { tenantId: string; key: string }) | null,
  ): Promise<boolean>;
  /** Keeps the first answer of an idempotent request that created no message. */
  abstract storeAnswer(answer: StoredAnswer & { tenantId: string; key: string }): Promise<void>;
  abstract markPublished(id: string, at: Date): Promise<void>;
  abstract find(id: string): Promise<OutboundMessageEntity | null>;
  abstract history(id: string): Promise<MessageStatusEntity[]>;
  abstract conversationPage(
    tenantId: string | null,
    conversationId: string,
    after: { createdAt: Date; id: string } | null,
    limit: number,
  ): Promise<ConversationPage>;
  /** Counts one more send attempt (clearing the last attempt's error) and returns the new count. */
  abstract countAttempt(id: string, at: Date): Promise<number>;
  /** Keeps a failed attempt's error while the message waits for its retry. */
  abstract noteFailedAttempt(id: string, failure: OutboundFailure, at: Date): Promise<void>;
  /**
   * Moves the message to a status and appends it to the history; false when that step was recorded before, or
   * when the message is gone (erased while it was being sent).
   */
  abstract recordStatus(id: string, update: StatusUpdate): Promise<boolean>;
  abstract sentInConversation(conversationId: string): Promise<SentMessage[]>;
  abstract unpublishedBefore(at: Date, limit: number): Promise<OutboundMessageEntity[]>;
  abstract forgetAnswersBefore(at: Date): Promise<number>;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === UNIQUE_VIOLATION || e?.driverError?.code === UNIQUE_VIOLATION;
}

@Injectable()
export class PgMessagesRepository extends MessagesRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async storedAnswer(tenantId: string, key: string): Promise<StoredAnswer | null> {
    return this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ tenantId, key });
  }

  async createAccepted(
    message: OutboundMessageEntity,
    idempotency: (StoredAnswer & { tenantId: string; key: string }) | null,
  ): Promise<boolean> {
    try {
      await this.dataSource.transaction(async (tx) => {
        if (idempotency) {
          const row = Object.assign(new IdempotencyKeyEntity(), { ...idempotency, createdAt: message.createdAt });
          await tx.insert(IdempotencyKeyEntity, row as QueryDeepPartialEntity<IdempotencyKeyEntity>);
        }
        await tx.insert(OutboundMessageEntity, message);
        await tx.insert(MessageStatusEntity, {
          messageId: message.id,
          status: 'accepted',
          occurredAt: message.createdAt,
          metaMessageId: null,
          failure: null,
        });
      });
      return true;
    } catch (error) {
      if (idempotency && isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async storeAnswer(answer: StoredAnswer & { tenantId: string; key: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO outbound.idempotency_key (tenant_id, key, operation, request_hash, status_code, response, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT DO NOTHING`,
      [
        answer.tenantId,
        answer.key,
        answer.operation,
        answer.requestHash,
        answer.statusCode,
        JSON.stringify(answer.response),
      ],
    );
  }

  async markPublished(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(OutboundMessageEntity).update({ id }, { publishedAt: at });
  }

  find(id: string): Promise<OutboundMessageEntity | null> {
    return this.dataSource.getRepository(OutboundMessageEntity).findOneBy({ id });
  }

  history(id: string): Promise<MessageStatusEntity[]> {
    return this.dataSource
      .getRepository(MessageStatusEntity)
      .find({ where: { messageId: id }, order: { occurredAt: 'ASC' } });
  }

  async conversationPage(
    tenantId: string | null,
    conversationId: string,
    after: { createdAt: Date; id: string } | null,
    limit: number,
  ): Promise<ConversationPage> {
    const query = this.dataSource
      .getRepository(OutboundMessageEntity)
      .createQueryBuilder('m')
      .where('m.conversation_id = :conversationId', { conversationId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit + 1);
    if (tenantId !== null) query.andWhere('m.tenant_id = :tenantId', { tenantId });
    if (after) query.andWhere('(m.created_at, m.id) > (:createdAt, :id)', { createdAt: after.createdAt, id: after.id });
    const rows = await query.getMany();
    const messages = rows.slice(0, limit);
    const last = messages[messages.length - 1];
    return { messages, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }

  async countAttempt(id: string, at: Date): Promise<number> {
    // For UPDATE … RETURNING, TypeORM's postgres driver answers [rows, affected count].
    const [rows] = (await this.dataSource.query(
      `UPDATE outbound.message SET attempts = attempts + 1, failure = NULL, updated_at = $2 WHERE id = $1 RETURNING attempts`,
      [id, at],
    )) as [Array<{ attempts: number }>, number];
    return rows[0]?.attempts ?? 0;
  }

  async noteFailedAttempt(id: string, failure: OutboundFailure, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE outbound.message SET failure = $2, updated_at = $3 WHERE id = $1`, [
      id,
      failure,
      at,
    ]);
  }

  async recordStatus(id: string, update: StatusUpdate): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const inserted = await this.appendStep(tx, id, update);
      if (!inserted) return false;
      await tx.update(
        OutboundMessageEntity,
        { id },
        {
          status: update.status,
          updatedAt: update.occurredAt,
          ...(update.metaMessageId !== undefined &&
            update.metaMessageId !== null && { metaMessageId: update.metaMessageId }),
          ...(update.sentAt !== undefined && update.sentAt !== null && { sentAt: update.sentAt }),
          ...(update.failure !== undefined && { failure: update.failure }),
          ...(update.outcomeUnknown !== undefined && { outcomeUnknown: update.outcomeUnknown }),
        },
      );
      return true;
    });
  }

  private async appendStep(tx: EntityManager, id: string, update: StatusUpdate): Promise<boolean> {
    // Only for a message that still exists, locked against deletion and other status writers until this commits:
    // a step of a message erased meanwhile is dropped rather than left behind without its message, and a send
    // the echo settled while the worker was still deciding is not failed afterwards.
    const result: unknown = await tx.query(
      `INSERT INTO outbound.message_status (message_id, status, occurred_at, meta_message_id, failure)
       SELECT $1::uuid, $2::text, $3::timestamptz, $4::text, $5::jsonb FROM outbound.message
       WHERE id = $1 AND ($2::text <> 'failed' OR status = 'accepted') FOR NO KEY UPDATE
       ON CONFLICT DO NOTHING RETURNING message_id`,
      [
        id,
        update.status,
        update.occurredAt,
        update.metaMessageId ?? null,
        update.failure ? JSON.stringify(update.failure) : null,
      ],
    );
    // TypeORM hands back the rows for INSERT … RETURNING (and [rows, count] for some drivers' updates).
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
    return rows.length > 0;
  }

  async sentInConversation(conversationId: string): Promise<SentMessage[]> {
    const rows = await this.dataSource.getRepository(OutboundMessageEntity).find({
      where: { conversationId },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map((m) => ({
      messageId: m.id,
      metaMessageId: m.metaMessageId,
      status: m.status,
      sentAt: m.sentAt,
      outcomeUnknown: m.outcomeUnknown,
    }));
  }

  unpublishedBefore(at: Date, limit: number): Promise<OutboundMessageEntity[]> {
    return this.dataSource.getRepository(OutboundMessageEntity).find({
      where: { publishedAt: IsNull(), createdAt: LessThan(at) },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  async forgetAnswersBefore(at: Date): Promise<number> {
    const result = await this.dataSource.getRepository(IdempotencyKeyEntity).delete({ createdAt: LessThan(at) });
    return result.affected ?? 0;
  }
}
