import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest `messaging_policy_enforcement` Meta sent about a Page (warning, block or unblock). */
@Entity({ name: 'page_enforcement' })
export class PageEnforcementEntity {
  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
