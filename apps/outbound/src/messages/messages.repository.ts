import {
  OutboundChannel,
  OutboundContent,
  OutboundFailure,
  OutboundMessagingType,
  OutboundStatus,
} from '@app/contracts';
import { prepared } from '@app/database';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, LessThan } from 'typeorm';
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
  /** Notes that the request records of these messages reached Kafka. */
  abstract markPublished(ids: readonly string[], at: Date): Promise<void>;
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

/** A row of `outbound.message` as the driver hands it back: timestamptz as Date, jsonb parsed. */
interface MessageRow {
  id: string;
  tenant_id: string | null;
  channel: OutboundChannel;
  account_id: string;
  recipient_id: string;
  conversation_id: string;
  messaging_type: OutboundMessagingType;
  tag: string | null;
  content: OutboundContent;
  status: OutboundStatus;
  meta_message_id: string | null;
  failure: OutboundFailure | null;
  outcome_unknown: boolean;
  attempts: number;
  sent_at: Date | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const MESSAGE_COLUMNS = `id, tenant_id, channel, account_id, recipient_id, conversation_id, messaging_type, tag,
  content, status, meta_message_id, failure, outcome_unknown, attempts, sent_at, published_at, created_at, updated_at`;

function messageFromRow(row: MessageRow): OutboundMessageEntity {
  return Object.assign(new OutboundMessageEntity(), {
    id: row.id,
    tenantId: row.tenant_id,
    channel: row.channel,
    accountId: row.account_id,
    recipientId: row.recipient_id,
    conversationId: row.conversation_id,
    messagingType: row.messaging_type,
    tag: row.tag,
    content: row.content,
    status: row.status,
    metaMessageId: row.meta_message_id,
    failure: row.failure,
    outcomeUnknown: row.outcome_unknown,
    attempts: row.attempts,
    sentAt: row.sent_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

interface AnswerRow {
  operation: string;
  request_hash: string;
  status_code: number;
  response: Record<string, unknown>;
}

function answerFromRow(row: AnswerRow): StoredAnswer {
  return {
    operation: row.operation,
    requestHash: row.request_hash,
    statusCode: row.status_code,
    response: row.response,
  };
}

// The idempotency key ($19…$24, none when $19 is null) is taken first; the message and its `accepted` step are
// stored only when it was (or there is none), all in one statement so all three rows are stored or none.
const INSERT_ACCEPTED = prepared(`
  WITH answer AS (
    INSERT INTO outbound.idempotency_key (tenant_id, key, operation, request_hash, status_code, response, created_at)
    SELECT $19::text, $20::text, $21::text, $22::text, $23::integer, $24::jsonb, $17::timestamptz
    WHERE $19::text IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING key
  ), stored AS (
    INSERT INTO outbound.message (${MESSAGE_COLUMNS})
    SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::jsonb, $10::text,
      $11::text, $12::jsonb, $13::boolean, $14::integer, $15::timestamptz, $16::timestamptz, $17::timestamptz,
      $18::timestamptz
    WHERE $19::text IS NULL OR EXISTS (SELECT FROM answer)
    RETURNING id, created_at
  ), accepted AS (
    INSERT INTO outbound.message_status (message_id, status, occurred_at, meta_message_id, failure)
    SELECT id, 'accepted', created_at, NULL, NULL FROM stored
  )
  SELECT EXISTS (SELECT FROM stored) AS stored`);

function acceptedParameters(
  message: OutboundMessageEntity,
  idempotency: (StoredAnswer & { tenantId: string; key: string }) | null,
): unknown[] {
  return [
    message.id,
    message.tenantId,
    message.channel,
    message.accountId,
    message.recipientId,
    message.conversationId,
    message.messagingType,
    message.tag,
    JSON.stringify(message.content),
    message.status,
    message.metaMessageId,
    message.failure === null ? null : JSON.stringify(message.failure),
    message.outcomeUnknown,
    message.attempts,
    message.sentAt,
    message.publishedAt,
    message.createdAt,
    message.updatedAt,
    idempotency?.tenantId ?? null,
    idempotency?.key ?? null,
    idempotency?.operation ?? null,
    idempotency?.requestHash ?? null,
    idempotency?.statusCode ?? null,
    idempotency ? JSON.stringify(idempotency.response) : null,
  ];
}

// Only for a message that still exists, locked against deletion and other status writers until this commits: a
// step of a message erased meanwhile is dropped rather than left behind without its message, and a send the echo
// settled while the worker was still deciding is not failed afterwards ('failed' only while still 'accepted').
// The row moves only when the step is new. metaMessageId ($4) and sentAt ($6) apply only when given; failure only
// when $7 says it was given ($5, null clears it); outcomeUnknown ($8) only when given.
const RECORD_STATUS = prepared(`
  WITH target AS (
    SELECT id FROM outbound.message
    WHERE id = $1 AND ($2::text <> 'failed' OR status = 'accepted')
    FOR NO KEY UPDATE
  ), step AS (
    INSERT INTO outbound.message_status (message_id, status, occurred_at, meta_message_id, failure)
    SELECT id, $2::text, $3::timestamptz, $4::text, $5::jsonb FROM target
    ON CONFLICT DO NOTHING
    RETURNING message_id
  ), moved AS (
    UPDATE outbound.message m
    SET status = $2::text,
      updated_at = $3::timestamptz,
      meta_message_id = COALESCE($4::text, m.meta_message_id),
      sent_at = COALESCE($6::timestamptz, m.sent_at),
      failure = CASE WHEN $7::boolean THEN $5::jsonb ELSE m.failure END,
      outcome_unknown = COALESCE($8::boolean, m.outcome_unknown)
    FROM step WHERE m.id = step.message_id
    RETURNING m.id
  )
  SELECT EXISTS (SELECT FROM moved) AS recorded`);

function statusParameters(id: string, update: StatusUpdate): unknown[] {
  return [
    id,
    update.status,
    update.occurredAt,
    update.metaMessageId ?? null,
    update.failure ? JSON.stringify(update.failure) : null,
    update.sentAt ?? null,
    update.failure !== undefined,
    update.outcomeUnknown ?? null,
  ];
}

@Injectable()
export class PgMessagesRepository extends MessagesRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async storedAnswer(tenantId: string, key: string): Promise<StoredAnswer | null> {
    const rows: AnswerRow[] = await this.dataSource.query(
      prepared(`SELECT operation, request_hash, status_code, response FROM outbound.idempotency_key
       WHERE tenant_id = $1 AND key = $2`),
      [tenantId, key],
    );
    return rows[0] ? answerFromRow(rows[0]) : null;
  }

  async createAccepted(
    message: OutboundMessageEntity,
    idempotency: (StoredAnswer & { tenantId: string; key: string }) | null,
  ): Promise<boolean> {
    const rows: Array<{ stored: boolean }> = await this.dataSource.query(
      INSERT_ACCEPTED,
      acceptedParameters(message, idempotency),
    );
    return rows[0].stored;
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

  async markPublished(ids: readonly string[], at: Date): Promise<void> {
    await this.dataSource.query(prepared(`UPDATE outbound.message SET published_at = $2 WHERE id = ANY($1::uuid[])`), [
      ids,
      at,
    ]);
  }

  async find(id: string): Promise<OutboundMessageEntity | null> {
    const rows: MessageRow[] = await this.dataSource.query(
      prepared(`SELECT ${MESSAGE_COLUMNS} FROM outbound.message WHERE id = $1`),
      [id],
    );
    return rows[0] ? messageFromRow(rows[0]) : null;
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
      prepared(
        `UPDATE outbound.message SET attempts = attempts + 1, failure = NULL, updated_at = $2 WHERE id = $1 RETURNING attempts`,
      ),
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
    const rows: Array<{ recorded: boolean }> = await this.dataSource.query(RECORD_STATUS, statusParameters(id, update));
    return rows[0].recorded;
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
