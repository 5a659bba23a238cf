import { ErasureRequestedEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErasureRepository } from './erasure.repository';
import { AppProgress } from './erasure-status';

interface RequestRow {
  id: string;
  confirmation_code: string;
  source: ErasureRequestedEvent['source'];
  subject_kind: ErasureRequestedEvent['subjectKind'];
  channel: ErasureRequestedEvent['channel'];
  account_id: string | null;
  person_id: string | null;
  app_scoped_user_id: string | null;
  requested_at: Date;
  status_url: string;
}

interface ProgressRow {
  app: string;
  status: AppProgress['status'];
  deleted_records: number;
  detail: string | null;
  reported_at: Date;
}

function toRequest(row: RequestRow): ErasureRequestedEvent {
  return {
    erasureId: row.id,
    confirmationCode: row.confirmation_code,
    source: row.source,
    subjectKind: row.subject_kind,
    channel: row.channel,
    accountId: row.account_id,
    personId: row.person_id,
    appScopedUserId: row.app_scoped_user_id,
    requestedAt: row.requested_at.toISOString(),
    statusUrl: row.status_url,
  };
}

@Injectable()
export class PgErasureRepository extends ErasureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async create(r: ErasureRequestedEvent): Promise<ErasureRequestedEvent> {
    await this.dataSource.query(
      `INSERT INTO compliance.erasure_request (id, confirmation_code, source, subject_kind, channel, account_id, person_id,
         app_scoped_user_id, requested_at, status_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [
        r.erasureId,
        r.confirmationCode,
        r.source,
        r.subjectKind,
        r.channel,
        r.accountId,
        r.personId,
        r.appScopedUserId,
        r.requestedAt,
        r.statusUrl,
      ],
    );
    const rows: RequestRow[] = await this.dataSource.query(`SELECT * FROM compliance.erasure_request WHERE id = $1`, [
      r.erasureId,
    ]);
    return toRequest(rows[0]);
  }

  async findByCode(confirmationCode: string): Promise<ErasureRequestedEvent | null> {
    const rows: RequestRow[] = await this.dataSource.query(
      `SELECT * FROM compliance.erasure_request WHERE confirmation_code = $1`,
      [confirmationCode],
    );
    return rows.length > 0 ? toRequest(rows[0]) : null;
  }

  async recordProgress(erasureId: string, p: AppProgress): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO compliance.erasure_progress AS p (erasure_id, app, status, deleted_records, detail, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (erasure_id, app) DO UPDATE SET status = excluded.status,
         -- A repeated erasure finds nothing left: keep the count of the run that deleted the rows.
         deleted_records = CASE WHEN p.status = excluded.status
           THEN GREATEST(p.deleted_records, excluded.deleted_records) ELSE excluded.deleted_records END,
         detail = excluded.detail, reported_at = excluded.reported_at
       WHERE excluded.reported_at >= p.reported_at`,
      [erasureId, p.app, p.status, p.deletedRecords, p.detail, p.reportedAt],
    );
  }

  async progress(erasureId: string): Promise<AppProgress[]> {
    const rows: ProgressRow[] = await this.dataSource.query(
      `SELECT app, status, deleted_records, detail, reported_at FROM compliance.erasure_progress WHERE erasure_id = $1`,
      [erasureId],
    );
    return rows.map((r) => ({
      app: r.app,
      status: r.status,
      deletedRecords: r.deleted_records,
      detail: r.detail,
      reportedAt: r.reported_at,
    }));
  }
}
