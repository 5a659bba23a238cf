import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts paused after Meta restricted them. */
export class AccountPauses1780000200001 implements MigrationInterface {
  name = 'AccountPauses1780000200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbound"."account_pause" ("channel" text NOT NULL, "account_id" text NOT NULL, "reason" text NOT NULL, "meta_code" integer, "strikes" integer NOT NULL, "paused_at" TIMESTAMP WITH TIME ZONE NOT NULL, "paused_until" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_account_pause" PRIMARY KEY ("channel", "account_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbound"."account_pause"`);
  }
}
