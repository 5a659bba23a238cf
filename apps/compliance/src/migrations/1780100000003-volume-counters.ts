import { MigrationInterface, QueryRunner } from 'typeorm';

/** High-volume counters shared by every replica: sends per second, Instagram volume per hour, counted ids. */
export class VolumeCounters1780100000003 implements MigrationInterface {
  name = 'VolumeCounters1780100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "compliance"."sent_per_second" (
      "channel" text NOT NULL, "account_id" text NOT NULL, "bucket_start" timestamptz NOT NULL,
      "messages" integer NOT NULL,
      CONSTRAINT "sent_per_second_pkey" PRIMARY KEY ("channel", "account_id", "bucket_start"))`);
    await q.query(`CREATE TABLE "compliance"."volume_per_hour" (
      "channel" text NOT NULL, "account_id" text NOT NULL, "bucket_start" timestamptz NOT NULL,
      "messages" integer NOT NULL,
      CONSTRAINT "volume_per_hour_pkey" PRIMARY KEY ("channel", "account_id", "bucket_start"))`);
    await q.query(`CREATE TABLE "compliance"."counted_event" (
      "event_id" uuid NOT NULL, "occurred_at" timestamptz NOT NULL,
      CONSTRAINT "counted_event_pkey" PRIMARY KEY ("event_id"))`);
    await q.query(`CREATE INDEX "counted_event_occurred_at_idx" ON "compliance"."counted_event" ("occurred_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "compliance"."counted_event"`);
    await q.query(`DROP TABLE "compliance"."volume_per_hour"`);
    await q.query(`DROP TABLE "compliance"."sent_per_second"`);
  }
}
