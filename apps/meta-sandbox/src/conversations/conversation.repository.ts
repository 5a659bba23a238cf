import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentEntity, ConversationEntity, MessageEntity, SenderActionEntity } from './conversation.entities';

@Injectable()
export class ConversationRepository {
  constructor(private readonly db: DataSource) {}

  find(id: string): Promise<ConversationEntity | null> {
    return this.db.getRepository(ConversationEntity).findOneBy({ id });
  }

  findByParticipants(accountId: string, scopedId: string): Promise<ConversationEntity | null> {
    return this.db.getRepository(ConversationEntity).findOneBy({ accountId, scopedId });
  }

  /** Creates the thread on first contact; concurrent first contacts converge on one row. */
  async findOrCreate(candidate: ConversationEntity): Promise<ConversationEntity> {
    await this.db.createQueryBuilder().insert().into(ConversationEntity).values(candidate).orIgnore().execute();
    const row = await this.findByParticipants(candidate.accountId, candidate.scopedId);
    if (row === null) throw new Error('conversation vanished after insert');
    return row;
  }

  async update(id: string, patch: Partial<ConversationEntity>): Promise<void> {
    await this.db.getRepository(ConversationEntity).update({ id }, patch);
  }

  /** Most recently updated first, ties by id, as the Conversations API lists them. */
  listForAccount(accountId: string, scopedId?: string): Promise<ConversationEntity[]> {
    return this.db.getRepository(ConversationEntity).find({
      where: scopedId === undefined ? { accountId } : { accountId, scopedId },
      order: { updatedAt: 'DESC', id: 'ASC' },
    });
  }

  async insertMessage(message: Partial<MessageEntity>): Promise<void> {
    await this.db.getRepository(MessageEntity).insert(message);
  }

  message(mid: string): Promise<MessageEntity | null> {
    return this.db.getRepository(MessageEntity).findOneBy({ mid });
  }

  async updateMessage(mid: string, patch: Partial<MessageEntity>): Promise<void> {
    await this.db.getRepository(MessageEntity).update({ mid }, patch);
  }

  /** Newest first. */
  messages(conversationId: string): Promise<MessageEntity[]> {
    return this.db
      .getRepository(MessageEntity)
      .find({ where: { conversationId }, order: { createdAt: 'DESC', seq: 'DESC' } });
  }

  countMessages(conversationId: string): Promise<number> {
    return this.db.getRepository(MessageEntity).countBy({ conversationId });
  }

  lastOutbound(conversationId: string): Promise<MessageEntity | null> {
    return this.db
      .getRepository(MessageEntity)
      .findOne({ where: { conversationId, direction: 'outbound' }, order: { createdAt: 'DESC', seq: 'DESC' } });
  }

  async markRead(conversationId: string, upTo: Date, at: Date): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(MessageEntity)
      .set({ readAt: at })
      .where(
        'conversation_id = :conversationId AND direction = :direction AND read_at IS NULL AND created_at <= :upTo',
        {
          conversationId,
          direction: 'outbound',
          upTo,
        },
      )
      .execute();
  }

  async insertSenderAction(action: Partial<SenderActionEntity>): Promise<void> {
    await this.db.getRepository(SenderActionEntity).insert(action);
  }

  senderActions(conversationId: string): Promise<SenderActionEntity[]> {
    return this.db.getRepository(SenderActionEntity).find({ where: { conversationId }, order: { id: 'ASC' } });
  }

  async insertAttachment(attachment: AttachmentEntity): Promise<void> {
    await this.db.getRepository(AttachmentEntity).insert(attachment);
  }

  attachment(id: string): Promise<AttachmentEntity | null> {
    return this.db.getRepository(AttachmentEntity).findOneBy({ id });
  }

  attachmentContent(id: string): Promise<AttachmentEntity | null> {
    return this.db
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id', { id })
      .getOne();
  }
}
