import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One send decision; rows are never updated (a trigger refuses it), only purged by retention or erasure. */
@Entity({ name: 'decision' })
@Index('decision_account_decided_idx', ['accountId', 'decidedAt', 'id'])
export class DecisionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('decision_decided_at_idx')
  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @Index('decision_conversation_idx')
  @Column({ name: 'conversation_id', type: 'text' })
  conversationId: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'messaging_type', type: 'text' })
  messagingType: string;

  @Column({ type: 'text', nullable: true })
  tag: string | null;

  @Column({ name: 'is_human_agent', type: 'boolean' })
  isHumanAgent: boolean;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy: string;

  @Column({ type: 'boolean' })
  allowed: boolean;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;
}

/** Decisions stored but not yet on `compliance.decision.v1`. */
@Entity({ name: 'decision_outbox' })
@Index('decision_outbox_decided_idx', ['decidedAt', 'decisionId'])
export class DecisionOutboxEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  /** The decision's time, so the relay takes the oldest queued ones without reading the audit table in order. */
  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
