import { MigrationInterface, QueryRunner } from 'typeorm';

/** The dedupe window: ids the gateway published recently, trimmed by published_at. */
export class RecentPublication1780000000000 implements MigrationInterface {
  name = 'RecentPublication1780000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "gateway"`);
    await queryRunner.query(
      `CREATE TABLE "gateway"."recent_publication" ("id" uuid NOT NULL, "published_at" timestamptz NOT NULL, CONSTRAINT "recent_publication_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "recent_publication_published_at_idx" ON "gateway"."recent_publication" ("published_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gateway"."recent_publication"`);
  }
}
