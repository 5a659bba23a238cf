import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** A request to erase one person's (or app user's) data, from Meta's callback or an admin. */
@Entity({ name: 'erasure_request' })
@Unique('erasure_request_confirmation_code_key', ['confirmationCode'])
export class ErasureRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'confirmation_code', type: 'text' })
  confirmationCode: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind: string;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ name: 'account_id', type: 'text', nullable: true })
  accountId: string | null;

  @Column({ name: 'person_id', type: 'text', nullable: true })
  personId: string | null;

  @Column({ name: 'app_scoped_user_id', type: 'text', nullable: true })
  appScopedUserId: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'status_url', type: 'text' })
  statusUrl: string;
}

/** One app's report on an erasure request; the latest report of each app wins. */
@Entity({ name: 'erasure_progress' })
export class ErasureProgressEntity {
  @PrimaryColumn({ name: 'erasure_id', type: 'uuid' })
  erasureId: string;

  @PrimaryColumn({ type: 'text' })
  app: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'deleted_records', type: 'integer' })
  deletedRecords: number;

  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}
