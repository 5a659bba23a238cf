import { InboundChannel } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PageEnforcement } from '../decisions/page-enforcement';
import { PageEnforcementRepository } from './page-enforcement.repository';

@Injectable()
export class PgPageEnforcementRepository extends PageEnforcementRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async record(channel: InboundChannel, accountId: string, e: PageEnforcement): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO compliance.page_enforcement AS p (channel, account_id, action, reason, occurred_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (channel, account_id) DO UPDATE SET action = excluded.action, reason = excluded.reason,
         occurred_at = excluded.occurred_at
       WHERE excluded.occurred_at >= p.occurred_at`,
      [channel, accountId, e.action, e.reason, e.occurredAt],
    );
  }

  async find(channel: InboundChannel, accountId: string): Promise<PageEnforcement | null> {
    const rows: { action: string; reason: string | null; occurred_at: Date }[] = await this.dataSource.query(
      `SELECT action, reason, occurred_at FROM compliance.page_enforcement WHERE channel = $1 AND account_id = $2`,
      [channel, accountId],
    );
    return rows.length > 0 ? { action: rows[0].action, reason: rows[0].reason, occurredAt: rows[0].occurred_at } : null;
  }
}
