import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which tenant a Page or Instagram account belongs to, learned from `tokens.connection.v1`. */
@Entity({ name: 'account_tenant' })
export class AccountTenantEntity {
  @PrimaryColumn({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
