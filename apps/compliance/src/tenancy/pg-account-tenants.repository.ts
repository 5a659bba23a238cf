import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountTenantsRepository } from './account-tenants.repository';

@Injectable()
export class PgAccountTenantsRepository extends AccountTenantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async record(accountIds: readonly string[], tenantId: string, at: Date): Promise<void> {
    if (accountIds.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO compliance.account_tenant AS a (account_id, tenant_id, occurred_at)
       SELECT unnest($1::text[]), $2, $3
       ON CONFLICT (account_id) DO UPDATE SET tenant_id = excluded.tenant_id, occurred_at = excluded.occurred_at
       WHERE excluded.occurred_at >= a.occurred_at`,
      [accountIds, tenantId, at],
    );
  }

  async tenantOf(accountId: string): Promise<string | null> {
    const rows: { tenant_id: string }[] = await this.dataSource.query(
      `SELECT tenant_id FROM compliance.account_tenant WHERE account_id = $1`,
      [accountId],
    );
    return rows.length > 0 ? rows[0].tenant_id : null;
  }
}
