import { MigrationInterface, QueryRunner } from 'typeorm';

/** Owner tenant of each Page and Instagram account, so CRM clients only read their own. */
export class AccountTenant1780100000002 implements MigrationInterface {
  name = 'AccountTenant1780100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "compliance"."account_tenant" (
      "account_id" text NOT NULL, "tenant_id" text NOT NULL, "occurred_at" timestamptz NOT NULL,
      CONSTRAINT "account_tenant_pkey" PRIMARY KEY ("account_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "compliance"."account_tenant"`);
  }
}
