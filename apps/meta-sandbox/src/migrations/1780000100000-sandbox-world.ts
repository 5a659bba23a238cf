import { MigrationInterface, QueryRunner } from 'typeorm';

/** The simulated side of Meta: apps, Pages, Instagram accounts, people, admins, tokens, threads, webhooks. */
export class SandboxWorld1780000100000 implements MigrationInterface {
  name = 'SandboxWorld1780000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS "meta_sandbox"`);
    await q.query(`CREATE TABLE "meta_sandbox"."app" (
      "id" text NOT NULL,
      "name" text NOT NULL,
      "secret" text NOT NULL,
      "verify_token" text NOT NULL,
      "callback_url" text,
      "require_appsecret_proof" boolean NOT NULL DEFAULT false,
      "human_agent_approved" boolean NOT NULL DEFAULT true,
      "instagram_fields" text array NOT NULL,
      "duplicate_rate" double precision NOT NULL DEFAULT 0,
      "reorder" boolean NOT NULL DEFAULT false,
      "deliveries_paused" boolean NOT NULL DEFAULT false,
      "failing_since" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "app_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."page" (
      "id" text NOT NULL,
      "name" text NOT NULL,
      "category" text NOT NULL,
      "default_app_id" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "page_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "page_default_app_fkey" FOREIGN KEY ("default_app_id") REFERENCES "meta_sandbox"."app"("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."instagram_account" (
      "id" text NOT NULL,
      "page_id" text NOT NULL,
      "username" text NOT NULL,
      "name" text NOT NULL,
      CONSTRAINT "instagram_account_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "instagram_account_page_id_key" UNIQUE ("page_id"),
      CONSTRAINT "instagram_account_page_fkey" FOREIGN KEY ("page_id") REFERENCES "meta_sandbox"."page"("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."page_subscription" (
      "app_id" text NOT NULL,
      "page_id" text NOT NULL,
      "fields" text array NOT NULL,
      "subscribed_at" timestamptz NOT NULL,
      CONSTRAINT "page_subscription_pkey" PRIMARY KEY ("app_id", "page_id"),
      CONSTRAINT "page_subscription_app_fkey" FOREIGN KEY ("app_id") REFERENCES "meta_sandbox"."app"("id"),
      CONSTRAINT "page_subscription_page_fkey" FOREIGN KEY ("page_id") REFERENCES "meta_sandbox"."page"("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."person" (
      "id" text NOT NULL,
      "name" text NOT NULL,
      "first_name" text NOT NULL,
      "last_name" text NOT NULL,
      "username" text NOT NULL,
      "locale" text NOT NULL,
      "timezone" integer NOT NULL,
      "follower_count" integer NOT NULL DEFAULT 0,
      "available" boolean NOT NULL DEFAULT true,
      CONSTRAINT "person_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."identity" (
      "scoped_id" text NOT NULL,
      "person_id" text NOT NULL,
      "channel" text NOT NULL,
      "account_id" text NOT NULL,
      CONSTRAINT "identity_pkey" PRIMARY KEY ("scoped_id"),
      CONSTRAINT "identity_person_account_key" UNIQUE ("person_id", "account_id"),
      CONSTRAINT "identity_channel_check" CHECK ("channel" IN ('messenger', 'instagram')),
      CONSTRAINT "identity_person_fkey" FOREIGN KEY ("person_id") REFERENCES "meta_sandbox"."person"("id"))`);
    await q.query(`CREATE INDEX "identity_account_idx" ON "meta_sandbox"."identity" ("account_id")`);
    await q.query(`CREATE TABLE "meta_sandbox"."admin_user" (
      "id" text NOT NULL,
      "name" text NOT NULL,
      CONSTRAINT "admin_user_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."page_role" (
      "user_id" text NOT NULL,
      "page_id" text NOT NULL,
      "tasks" text array NOT NULL,
      CONSTRAINT "page_role_pkey" PRIMARY KEY ("user_id", "page_id"),
      CONSTRAINT "page_role_user_fkey" FOREIGN KEY ("user_id") REFERENCES "meta_sandbox"."admin_user"("id"),
      CONSTRAINT "page_role_page_fkey" FOREIGN KEY ("page_id") REFERENCES "meta_sandbox"."page"("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."app_grant" (
      "app_id" text NOT NULL,
      "user_id" text NOT NULL,
      "permissions" jsonb NOT NULL,
      "page_ids" text array,
      "authorized" boolean NOT NULL DEFAULT true,
      CONSTRAINT "app_grant_pkey" PRIMARY KEY ("app_id", "user_id"),
      CONSTRAINT "app_grant_app_fkey" FOREIGN KEY ("app_id") REFERENCES "meta_sandbox"."app"("id"),
      CONSTRAINT "app_grant_user_fkey" FOREIGN KEY ("user_id") REFERENCES "meta_sandbox"."admin_user"("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."access_token" (
      "token" text NOT NULL,
      "type" text NOT NULL,
      "app_id" text NOT NULL,
      "user_id" text,
      "page_id" text,
      "parent_token" text,
      "issued_at" timestamptz NOT NULL,
      "expires_at" timestamptz,
      "data_access_expires_at" timestamptz,
      "invalidated" text,
      CONSTRAINT "access_token_pkey" PRIMARY KEY ("token"),
      CONSTRAINT "access_token_type_check" CHECK ("type" IN ('USER', 'PAGE', 'APP')),
      CONSTRAINT "access_token_app_fkey" FOREIGN KEY ("app_id") REFERENCES "meta_sandbox"."app"("id"))`);
    await q.query(`CREATE INDEX "access_token_user_idx" ON "meta_sandbox"."access_token" ("user_id")`);
    await q.query(
      `CREATE INDEX "access_token_parent_idx" ON "meta_sandbox"."access_token" ("parent_token", "page_id")`,
    );
    await q.query(`CREATE TABLE "meta_sandbox"."oauth_code" (
      "code" text NOT NULL,
      "app_id" text NOT NULL,
      "user_id" text NOT NULL,
      "redirect_uri" text NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      CONSTRAINT "oauth_code_pkey" PRIMARY KEY ("code"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."conversation" (
      "id" text NOT NULL,
      "channel" text NOT NULL,
      "account_id" text NOT NULL,
      "scoped_id" text NOT NULL,
      "updated_at" timestamptz NOT NULL,
      "last_user_action_at" timestamptz,
      "owner_app_id" text,
      "owner_expires_at" timestamptz,
      "unread_count" integer NOT NULL DEFAULT 0,
      CONSTRAINT "conversation_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "conversation_participants_key" UNIQUE ("account_id", "scoped_id"),
      CONSTRAINT "conversation_identity_fkey" FOREIGN KEY ("scoped_id") REFERENCES "meta_sandbox"."identity"("scoped_id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."message" (
      "mid" text NOT NULL,
      "conversation_id" text NOT NULL,
      "seq" bigserial NOT NULL,
      "direction" text NOT NULL,
      "app_id" text,
      "created_at" timestamptz NOT NULL,
      "text" text,
      "attachments" jsonb,
      "quick_reply" jsonb,
      "reply_to" text,
      "metadata" text,
      "messaging_type" text,
      "tag" text,
      "request" jsonb,
      "deleted" boolean NOT NULL DEFAULT false,
      "edit_count" integer NOT NULL DEFAULT 0,
      "delivered_at" timestamptz,
      "read_at" timestamptz,
      "reactions" jsonb NOT NULL DEFAULT '{}'::jsonb,
      CONSTRAINT "message_pkey" PRIMARY KEY ("mid"),
      CONSTRAINT "message_direction_check" CHECK ("direction" IN ('inbound', 'outbound')),
      CONSTRAINT "message_conversation_fkey" FOREIGN KEY ("conversation_id") REFERENCES "meta_sandbox"."conversation"("id"))`);
    await q.query(
      `CREATE INDEX "message_conversation_idx" ON "meta_sandbox"."message" ("conversation_id", "created_at" DESC, "seq" DESC)`,
    );
    await q.query(`CREATE TABLE "meta_sandbox"."sender_action" (
      "id" bigserial NOT NULL,
      "conversation_id" text NOT NULL,
      "app_id" text NOT NULL,
      "action" text NOT NULL,
      "payload" jsonb,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "sender_action_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "sender_action_conversation_fkey" FOREIGN KEY ("conversation_id") REFERENCES "meta_sandbox"."conversation"("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."attachment" (
      "id" text NOT NULL,
      "account_id" text NOT NULL,
      "type" text NOT NULL,
      "url" text,
      "mime_type" text,
      "content" bytea,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "attachment_pkey" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "meta_sandbox"."webhook_event" (
      "id" bigserial NOT NULL,
      "app_id" text NOT NULL,
      "object" text NOT NULL,
      "account_id" text NOT NULL,
      "kind" text NOT NULL,
      "item" json NOT NULL,
      "due_at" timestamptz NOT NULL,
      "delivery_id" bigint,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "webhook_event_pkey" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "webhook_event_due_idx" ON "meta_sandbox"."webhook_event" ("due_at", "id") WHERE "delivery_id" IS NULL`,
    );
    await q.query(`CREATE TABLE "meta_sandbox"."delivery" (
      "id" bigserial NOT NULL,
      "app_id" text NOT NULL,
      "callback_url" text NOT NULL,
      "body" text NOT NULL,
      "status" text NOT NULL,
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" timestamptz NOT NULL,
      "lease_until" timestamptz,
      "first_attempt_at" timestamptz,
      "finished_at" timestamptz,
      "duplicate_of" bigint,
      "outcome" text,
      "created_at" timestamptz NOT NULL,
      CONSTRAINT "delivery_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "delivery_status_check" CHECK ("status" IN ('pending', 'delivered', 'dropped')))`);
    await q.query(
      `CREATE INDEX "delivery_pending_idx" ON "meta_sandbox"."delivery" ("next_attempt_at", "id") WHERE "status" = 'pending'`,
    );
    await q.query(`CREATE INDEX "delivery_app_idx" ON "meta_sandbox"."delivery" ("app_id", "id")`);
    await q.query(`CREATE TABLE "meta_sandbox"."delivery_attempt" (
      "id" bigserial NOT NULL,
      "delivery_id" bigint NOT NULL,
      "attempted_at" timestamptz NOT NULL,
      "duration_ms" integer NOT NULL,
      "http_status" integer,
      "error" text,
      CONSTRAINT "delivery_attempt_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "delivery_attempt_delivery_fkey" FOREIGN KEY ("delivery_id") REFERENCES "meta_sandbox"."delivery"("id"))`);
    await q.query(`CREATE INDEX "delivery_attempt_delivery_idx" ON "meta_sandbox"."delivery_attempt" ("delivery_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'delivery_attempt',
      'delivery',
      'webhook_event',
      'attachment',
      'sender_action',
      'message',
      'conversation',
      'oauth_code',
      'access_token',
      'app_grant',
      'page_role',
      'admin_user',
      'identity',
      'person',
      'page_subscription',
      'instagram_account',
      'page',
      'app',
    ]) {
      await q.query(`DROP TABLE "meta_sandbox"."${table}"`);
    }
  }
}
