import { MigrationInterface, QueryRunner } from 'typeorm';

/** Page connections with encrypted tokens, CRM clients with hashed secrets, JWT signing keys, redeemed login states. */
export class TokensInitial1780000300000 implements MigrationInterface {
  name = 'TokensInitial1780000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "tokens"`);
    await queryRunner.query(
      `CREATE TABLE "tokens"."page_connection" ("page_id" text NOT NULL, "tenant_id" text NOT NULL, "page_name" text NOT NULL, "instagram_id" text, "instagram_username" text, "page_token_ciphertext" text NOT NULL, "user_token_ciphertext" text, "key_id" text NOT NULL, "tasks" text array NOT NULL, "permissions" text array NOT NULL, "status" text NOT NULL, "status_reason" text, "granted_by" text, "connected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "page_connection_pkey" PRIMARY KEY ("page_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "page_connection_tenant_idx" ON "tokens"."page_connection" ("tenant_id")`);
    await queryRunner.query(
      `CREATE INDEX "page_connection_instagram_idx" ON "tokens"."page_connection" ("instagram_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "tokens"."crm_client" ("client_id" text NOT NULL, "tenant_id" text NOT NULL, "name" text NOT NULL, "secret_hash" text NOT NULL, "scopes" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "crm_client_pkey" PRIMARY KEY ("client_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "crm_client_tenant_idx" ON "tokens"."crm_client" ("tenant_id")`);
    await queryRunner.query(
      `CREATE TABLE "tokens"."signing_key" ("kid" text NOT NULL, "private_key_ciphertext" text NOT NULL, "public_jwk" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "signing_key_pkey" PRIMARY KEY ("kid"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tokens"."onboarding_nonce" ("nonce" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "onboarding_nonce_pkey" PRIMARY KEY ("nonce"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tokens"."onboarding_nonce"`);
    await queryRunner.query(`DROP TABLE "tokens"."signing_key"`);
    await queryRunner.query(`DROP TABLE "tokens"."crm_client"`);
    await queryRunner.query(`DROP TABLE "tokens"."page_connection"`);
  }
}
