import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity';
import { MessageStatusEntity } from '../messages/message-status.entity';
import { OutboundMessageEntity } from '../messages/outbound-message.entity';
import { ConversationErasure } from './conversation-erasure';

export interface ErasedRows {
  messages: number;
  statuses: number;
  answers: number;
}

/** Deletes what the outbound schema keeps about one person. */
export abstract class ErasureRepository {
  abstract eraseConversation(erasure: ConversationErasure): Promise<ErasedRows>;
}

@Injectable()
export class PgErasureRepository extends ErasureRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  eraseConversation({ conversationId, recipientId }: ConversationErasure): Promise<ErasedRows> {
    return this.dataSource.transaction(async (tx) => {
      // The messages first. A status step being recorded holds its message's row, so this waits for it and then
      // deletes it with the history; a step recorded after finds no message and is dropped (see recordStatus).
      const messages = await tx
        .createQueryBuilder()
        .delete()
        .from(OutboundMessageEntity)
        .where({ conversationId })
        .returning(['id'])
        .execute();
      const ids = (messages.raw as Array<{ id: string }>).map((m) => m.id);
      const statuses = ids.length === 0 ? 0 : (await tx.delete(MessageStatusEntity, { messageId: In(ids) })).affected;
      // An idempotency answer keeps the message's conversation id, or a sender action's recipient id. The latter
      // carries no account; Meta issues scoped ids from one id space, so the id names this person only, and
      // forgetting an answer costs at most one repeated typing indicator on a retried request.
      const answers = await tx
        .createQueryBuilder()
        .delete()
        .from(IdempotencyKeyEntity)
        .where(`response->>'conversationId' = :conversationId OR response->>'recipientId' = :recipientId`, {
          conversationId,
          recipientId,
        })
        .execute();
      return { messages: ids.length, statuses: statuses ?? 0, answers: answers.affected ?? 0 };
    });
  }
}
