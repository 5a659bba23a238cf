import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conversation windows, opt-outs, notification tokens, the decision audit and erasure requests. */
export class ComplianceTables1780100000000 implements MigrationInterface {
  name = 'ComplianceTables1780100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS "compliance"`);
    await q.query(`CREATE TABLE "compliance"."conversation" (
      "conversation_id" text NOT NULL, "channel" text NOT NULL, "account_id" text NOT NULL, "person_id" text NOT NULL,
      "last_user_action_at" timestamptz, "ad_referral_at" timestamptz, "opted_out_at" timestamptz, "opted_in_at" timestamptz,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "conversation_pkey" PRIMARY KEY ("conversation_id"))`);
    await q.query(
      `CREATE INDEX "conversation_account_person_idx" ON "compliance"."conversation" ("account_id", "person_id")`,
    );
    await q.query(`CREATE INDEX "conversation_updated_at_idx" ON "compliance"."conversation" ("updated_at")`);

    await q.query(`CREATE TABLE "compliance"."notification_token" (
      "token" text NOT NULL, "conversation_id" text NOT NULL, "expires_at" timestamptz, "active" boolean NOT NULL,
      "changed_at" timestamptz NOT NULL,
      CONSTRAINT "notification_token_pkey" PRIMARY KEY ("token"))`);
    await q.query(
      `CREATE INDEX "notification_token_conversation_idx" ON "compliance"."notification_token" ("conversation_id")`,
    );

    await q.query(`CREATE TABLE "compliance"."processed_event" (
      "event_id" uuid NOT NULL, "conversation_id" text NOT NULL, "processed_at" timestamptz NOT NULL,
      CONSTRAINT "processed_event_pkey" PRIMARY KEY ("event_id"))`);
    await q.query(
      `CREATE INDEX "processed_event_conversation_idx" ON "compliance"."processed_event" ("conversation_id")`,
    );
    await q.query(`CREATE INDEX "processed_event_processed_at_idx" ON "compliance"."processed_event" ("processed_at")`);

    await q.query(`CREATE TABLE "compliance"."decision" (
      "id" uuid NOT NULL, "decided_at" timestamptz NOT NULL, "conversation_id" text NOT NULL, "channel" text NOT NULL,
      "account_id" text NOT NULL, "person_id" text NOT NULL, "messaging_type" text NOT NULL, "tag" text,
      "is_human_agent" boolean NOT NULL, "requested_by" text NOT NULL, "allowed" boolean NOT NULL, "reason" text NOT NULL,
      "rule" text NOT NULL, "deadline" timestamptz,
      CONSTRAINT "decision_pkey" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "decision_account_decided_idx" ON "compliance"."decision" ("account_id", "decided_at", "id")`,
    );
    await q.query(`CREATE INDEX "decision_decided_at_idx" ON "compliance"."decision" ("decided_at")`);
    await q.query(`CREATE INDEX "decision_conversation_idx" ON "compliance"."decision" ("conversation_id")`);
    // The audit is append-only: purges (retention, erasure) may delete rows, nothing may rewrite one.
    await q.query(`CREATE FUNCTION "compliance"."decision_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'compliance.decision is append-only'; END $$`);
    await q.query(`CREATE TRIGGER "decision_append_only" BEFORE UPDATE ON "compliance"."decision"
      FOR EACH ROW EXECUTE FUNCTION "compliance"."decision_refuse_update"()`);

    await q.query(`CREATE TABLE "compliance"."decision_outbox" (
      "decision_id" uuid NOT NULL, CONSTRAINT "decision_outbox_pkey" PRIMARY KEY ("decision_id"))`);

    await q.query(`CREATE TABLE "compliance"."erasure_request" (
      "id" uuid NOT NULL, "confirmation_code" text NOT NULL, "source" text NOT NULL, "subject_kind" text NOT NULL,
      "channel" text, "account_id" text, "person_id" text, "app_scoped_user_id" text,
      "requested_at" timestamptz NOT NULL, "status_url" text NOT NULL,
      CONSTRAINT "erasure_request_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "erasure_request_confirmation_code_key" UNIQUE ("confirmation_code"))`);

    await q.query(`CREATE TABLE "compliance"."erasure_progress" (
      "erasure_id" uuid NOT NULL, "app" text NOT NULL, "status" text NOT NULL, "deleted_records" integer NOT NULL,
      "detail" text, "reported_at" timestamptz NOT NULL,
      CONSTRAINT "erasure_progress_pkey" PRIMARY KEY ("erasure_id", "app"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'erasure_progress',
      'erasure_request',
      'decision_outbox',
      'decision',
      'processed_event',
      'notification_token',
      'conversation',
    ]) {
      await q.query(`DROP TABLE "compliance"."${table}"`);
    }
    await q.query(`DROP FUNCTION "compliance"."decision_refuse_update"()`);
  }
}
