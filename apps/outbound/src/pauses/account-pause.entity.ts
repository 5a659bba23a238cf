import { OutboundChannel } from '@app/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An account Meta restricted (error 368, 10/1893063, a policy block): nothing is sent from it until `pausedUntil`. */
@Entity({ name: 'account_pause' })
export class AccountPauseEntity {
  @PrimaryColumn({ type: 'text' })
  channel: OutboundChannel;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  /** Why, for the CRM: Meta's message or the policy enforcement's reason. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'meta_code', type: 'integer', nullable: true })
  metaCode: number | null;

  /** Restrictions in a row: each one pauses twice as long as the one before. */
  @Column({ type: 'integer' })
  strikes: number;

  @Column({ name: 'paused_at', type: 'timestamptz' })
  pausedAt: Date;

  @Column({ name: 'paused_until', type: 'timestamptz' })
  pausedUntil: Date;
}
