import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Channel } from '../graph/graph-error';
import { IdentityEntity, SCHEMA } from '../world/world.entities';

/** One thread between a Page (or Instagram account) and one person. */
@Entity({ schema: SCHEMA, name: 'conversation' })
@Unique('conversation_participants_key', ['accountId', 'scopedId'])
export class ConversationEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  channel: Channel;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ name: 'scoped_id', type: 'text' })
  @ForeignKey(() => IdentityEntity, { name: 'conversation_identity_fkey' })
  scopedId: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Last action that opens the 24 h window (message, postback, reaction, referral, opt-in). */
  @Column({ name: 'last_user_action_at', type: 'timestamptz', nullable: true })
  lastUserActionAt: Date | null;

  /** Conversation Routing: the app that currently owns the thread, if any. */
  @Column({ name: 'owner_app_id', type: 'text', nullable: true })
  ownerAppId: string | null;

  @Column({ name: 'owner_expires_at', type: 'timestamptz', nullable: true })
  ownerExpiresAt: Date | null;

  @Column({ name: 'unread_count', type: 'integer', default: 0 })
  unreadCount: number;
}

export type MessageDirection = 'inbound' | 'outbound';

/** The current reaction of each side to a message. */
export interface MessageReactions {
  person?: { reaction: string; emoji?: string };
  page?: { reaction: string };
}

@Entity({ schema: SCHEMA, name: 'message' })
@Check('message_direction_check', `"direction" IN ('inbound', 'outbound')`)
@Index('message_conversation_idx', ['conversationId', 'createdAt', 'seq'])
export class MessageEntity {
  @PrimaryColumn({ type: 'text' })
  mid: string;

  @Column({ name: 'conversation_id', type: 'text' })
  @ForeignKey(() => ConversationEntity, { name: 'message_conversation_fkey' })
  conversationId: string;

  /** Insertion order; created_at may be set in the past by tests. */
  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;

  @Column({ type: 'text' })
  direction: MessageDirection;

  /** For outbound messages: the app that sent it. */
  @Column({ name: 'app_id', type: 'text', nullable: true })
  appId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'jsonb', nullable: true })
  attachments: object[] | null;

  /** Quick reply payload tapped (inbound) or quick replies offered (outbound). */
  @Column({ name: 'quick_reply', type: 'jsonb', nullable: true })
  quickReply: object | null;

  @Column({ name: 'reply_to', type: 'text', nullable: true })
  replyTo: string | null;

  @Column({ type: 'text', nullable: true })
  metadata: string | null;

  @Column({ name: 'messaging_type', type: 'text', nullable: true })
  messagingType: string | null;

  @Column({ type: 'text', nullable: true })
  tag: string | null;

  /** The Send API parameters as the app sent them. */
  @Column({ type: 'jsonb', nullable: true })
  request: object | null;

  @Column({ type: 'boolean', default: false })
  deleted: boolean;

  @Column({ name: 'edit_count', type: 'integer', default: 0 })
  editCount: number;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ type: 'jsonb', default: {} })
  reactions: MessageReactions;
}

@Entity({ schema: SCHEMA, name: 'sender_action' })
export class SenderActionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'conversation_id', type: 'text' })
  @ForeignKey(() => ConversationEntity, { name: 'sender_action_conversation_fkey' })
  conversationId: string;

  @Column({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'jsonb', nullable: true })
  payload: object | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A reusable attachment (Attachment Upload API or `is_reusable`); ids are Page-scoped. */
@Entity({ schema: SCHEMA, name: 'attachment' })
export class AttachmentEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'mime_type', type: 'text', nullable: true })
  mimeType: string | null;

  /** Bytes of a multipart upload; URL attachments keep only their URL. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
