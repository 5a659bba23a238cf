import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps each queued decision's time, indexed, so the relay reads the oldest few queued decisions
 * directly instead of walking the whole audit table in time order to find them.
 */
export class DecisionOutboxOrder1780100000004 implements MigrationInterface {
  name = 'DecisionOutboxOrder1780100000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "compliance"."decision_outbox" ADD "decided_at" timestamptz`);
    await q.query(`UPDATE "compliance"."decision_outbox" o SET "decided_at" = d."decided_at"
      FROM "compliance"."decision" d WHERE d."id" = o."decision_id"`);
    // Queued decisions already purged have nothing left to publish.
    await q.query(`DELETE FROM "compliance"."decision_outbox" WHERE "decided_at" IS NULL`);
    await q.query(`ALTER TABLE "compliance"."decision_outbox" ALTER COLUMN "decided_at" SET NOT NULL`);
    await q.query(
      `CREATE INDEX "decision_outbox_decided_idx" ON "compliance"."decision_outbox" ("decided_at", "decision_id")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "compliance"."decision_outbox_decided_idx"`);
    await q.query(`ALTER TABLE "compliance"."decision_outbox" DROP COLUMN "decided_at"`);
  }
}
