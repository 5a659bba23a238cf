import {
  OutboundChannel,
  OutboundContent,
  OutboundFailure,
  OutboundMessagingType,
  OutboundStatus,
} from '@app/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A message a CRM asked to send, with where it stands now; its history is in `message_status`. */
@Entity({ name: 'message' })
@Index('message_conversation_idx', ['conversationId', 'createdAt', 'id'])
export class OutboundMessageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'tenant_id', type: 'text', nullable: true })
  tenantId: string | null;

  @Column({ type: 'text' })
  channel: OutboundChannel;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ name: 'recipient_id', type: 'text' })
  recipientId: string;

  @Column({ name: 'conversation_id', type: 'text' })
  conversationId: string;

  @Column({ name: 'messaging_type', type: 'text' })
  messagingType: OutboundMessagingType;

  @Column({ type: 'text', nullable: true })
  tag: string | null;

  @Column({ type: 'jsonb' })
  content: OutboundContent;

  @Column({ type: 'text' })
  status: OutboundStatus;

  @Index('message_meta_message_id_idx')
  @Column({ name: 'meta_message_id', type: 'text', nullable: true })
  metaMessageId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  failure: OutboundFailure | null;

  /** Meta may have sent it (its answer was lost): an echo can still settle it as sent. */
  @Column({ name: 'outcome_unknown', type: 'boolean', default: false })
  outcomeUnknown: boolean;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Meta's time of the message (from the echo), else when the successful call started. */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** Set once the request record reached Kafka; the relay republishes rows still without it. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
