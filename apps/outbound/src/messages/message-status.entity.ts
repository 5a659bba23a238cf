import { OutboundFailure, OutboundStatus } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step of a message's history; each status happens at most once per message. */
@Entity({ name: 'message_status' })
export class MessageStatusEntity {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @PrimaryColumn({ type: 'text' })
  status: OutboundStatus;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'meta_message_id', type: 'text', nullable: true })
  metaMessageId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  failure: OutboundFailure | null;
}
