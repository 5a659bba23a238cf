import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Messages an account sent in one second (from their echoes), for the > 40 messages/s limit. */
@Entity({ name: 'sent_per_second' })
export class SentPerSecondEntity {
  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @PrimaryColumn({ name: 'bucket_start', type: 'timestamptz' })
  bucketStart: Date;

  @Column({ type: 'integer' })
  messages: number;
}

/** Messages an Instagram account sent and received in one hour, for the 72 000 messages limit. */
@Entity({ name: 'volume_per_hour' })
export class VolumePerHourEntity {
  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @PrimaryColumn({ name: 'bucket_start', type: 'timestamptz' })
  bucketStart: Date;

  @Column({ type: 'integer' })
  messages: number;
}

/** Inbound event ids already counted, so a redelivered event counts once. */
@Entity({ name: 'counted_event' })
export class CountedEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Index('counted_event_occurred_at_idx')
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
