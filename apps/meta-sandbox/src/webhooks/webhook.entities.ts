import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SCHEMA } from '../world/world.entities';
import type { WebhookObject } from './batching';

/** One messaging item routed to one app, waiting to be batched into a delivery once due. */
@Entity({ schema: SCHEMA, name: 'webhook_event' })
@Index('webhook_event_due_idx', ['dueAt', 'id'], { where: '"delivery_id" IS NULL' })
export class WebhookEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ type: 'text' })
  object: WebhookObject;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ type: 'text' })
  kind: 'messaging' | 'standby';

  /** `json`, not `jsonb`: Meta's key order must survive storage. */
  @Column({ type: 'json' })
  item: object;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'delivery_id', type: 'bigint', nullable: true })
  deliveryId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dropped';

/** One webhook POST body, its exact bytes, and its retry state. */
@Entity({ schema: SCHEMA, name: 'delivery' })
@Check('delivery_status_check', `"status" IN ('pending', 'delivered', 'dropped')`)
@Index('delivery_pending_idx', ['nextAttemptAt', 'id'], { where: `"status" = 'pending'` })
@Index('delivery_app_idx', ['appId', 'id'])
export class DeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ name: 'callback_url', type: 'text' })
  callbackUrl: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'first_attempt_at', type: 'timestamptz', nullable: true })
  firstAttemptAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** Set on copies made on purpose to simulate Meta's duplicate deliveries. */
  @Column({ name: 'duplicate_of', type: 'bigint', nullable: true })
  duplicateOf: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ schema: SCHEMA, name: 'delivery_attempt' })
@Index('delivery_attempt_delivery_idx', ['deliveryId'])
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'delivery_id', type: 'bigint' })
  @ForeignKey(() => DeliveryEntity, { name: 'delivery_attempt_delivery_fkey' })
  deliveryId: string;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
