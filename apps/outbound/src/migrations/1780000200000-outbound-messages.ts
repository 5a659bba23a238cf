import { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages with their status history, and the first answers of idempotent POSTs. */
export class OutboundMessages1780000200000 implements MigrationInterface {
  name = 'OutboundMessages1780000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "outbound"`);
    await queryRunner.query(
      `CREATE TABLE "outbound"."idempotency_key" ("tenant_id" text NOT NULL, "key" text NOT NULL, "operation" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1fc132a82ff87e3197a183e7d43" PRIMARY KEY ("tenant_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "idempotency_key_created_at_idx" ON "outbound"."idempotency_key"  ("created_at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbound"."message_status" ("message_id" uuid NOT NULL, "status" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "meta_message_id" text, "failure" jsonb, CONSTRAINT "PK_2570cf22885c553ff1b7ead8455" PRIMARY KEY ("message_id", "status"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbound"."message" ("id" uuid NOT NULL, "tenant_id" text, "channel" text NOT NULL, "account_id" text NOT NULL, "recipient_id" text NOT NULL, "conversation_id" text NOT NULL, "messaging_type" text NOT NULL, "tag" text, "content" jsonb NOT NULL, "status" text NOT NULL, "meta_message_id" text, "failure" jsonb, "outcome_unknown" boolean NOT NULL DEFAULT false, "attempts" integer NOT NULL DEFAULT '0', "sent_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "message_meta_message_id_idx" ON "outbound"."message"  ("meta_message_id")`);
    await queryRunner.query(
      `CREATE INDEX "message_conversation_idx" ON "outbound"."message"  ("conversation_id", "created_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbound"."message"`);
    await queryRunner.query(`DROP TABLE "outbound"."message_status"`);
    await queryRunner.query(`DROP TABLE "outbound"."idempotency_key"`);
  }
}
