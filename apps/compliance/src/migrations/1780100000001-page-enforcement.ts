import { MigrationInterface, QueryRunner } from 'typeorm';

/** Meta's policy enforcement per Page: a blocked Page may not send at all. */
export class PageEnforcement1780100000001 implements MigrationInterface {
  name = 'PageEnforcement1780100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "compliance"."page_enforcement" (
      "channel" text NOT NULL, "account_id" text NOT NULL, "action" text NOT NULL, "reason" text,
      "occurred_at" timestamptz NOT NULL,
      CONSTRAINT "page_enforcement_pkey" PRIMARY KEY ("channel", "account_id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "compliance"."page_enforcement"`);
  }
}
