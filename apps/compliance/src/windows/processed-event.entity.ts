import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Inbound event ids already applied, so a redelivered event changes nothing. */
@Entity({ name: 'processed_event' })
export class ProcessedEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Index('processed_event_conversation_idx')
  @Column({ name: 'conversation_id', type: 'text' })
  conversationId: string;

  @Index('processed_event_processed_at_idx')
  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
