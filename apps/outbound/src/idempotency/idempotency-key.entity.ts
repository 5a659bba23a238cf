import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a POST with an `Idempotency-Key`, replayed for the same key and body. */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Which operation the key was used for, e.g. `POST /v1/messages`. */
  @Column({ type: 'text' })
  operation: string;

  /** SHA-256 of the canonical request body: the same key with another body is a conflict. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ name: 'status_code', type: 'integer' })
  statusCode: number;

  @Column({ type: 'jsonb' })
  response: Record<string, unknown>;

  @Index('idempotency_key_created_at_idx')
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
