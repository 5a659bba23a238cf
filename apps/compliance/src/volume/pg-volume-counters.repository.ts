import { InboundChannel } from '@app/contracts';
import { prepared } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VolumeCount, VolumeRange, VolumeReading } from '../decisions/volume';
import { VolumeCountersRepository } from './volume-counters.repository';

/**
 * One statement per event: the id is claimed and the buckets are incremented together, so a redelivery,
 * or two replicas handling the same event during a rebalance, count it once.
 */
const COUNT = prepared(`WITH fresh AS (
    INSERT INTO compliance.counted_event (event_id, occurred_at) VALUES ($1, $2)
    ON CONFLICT (event_id) DO NOTHING RETURNING event_id
  ), rate AS (
    INSERT INTO compliance.sent_per_second AS s (channel, account_id, bucket_start, messages)
    SELECT $3, $4, $5::timestamptz, 1 FROM fresh WHERE $5::timestamptz IS NOT NULL
    ON CONFLICT (channel, account_id, bucket_start) DO UPDATE SET messages = s.messages + 1
  ), volume AS (
    INSERT INTO compliance.volume_per_hour AS v (channel, account_id, bucket_start, messages)
    SELECT $3, $4, $6::timestamptz, 1 FROM fresh WHERE $6::timestamptz IS NOT NULL
    ON CONFLICT (channel, account_id, bucket_start) DO UPDATE SET messages = v.messages + 1
  )
  SELECT count(*)::int AS fresh FROM fresh`);

/** Two index range scans on the primary keys: a few rows each, in one round trip. */
const READING = prepared(`SELECT
    (SELECT COALESCE(max(messages), 0) FROM compliance.sent_per_second
      WHERE channel = $1 AND account_id = $2 AND bucket_start >= $3)::int AS sent,
    (SELECT COALESCE(sum(messages), 0) FROM compliance.volume_per_hour
      WHERE channel = $1 AND account_id = $2 AND bucket_start >= $4)::int AS volume`);

@Injectable()
export class PgVolumeCountersRepository extends VolumeCountersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async count(c: VolumeCount): Promise<boolean> {
    const rows: { fresh: number }[] = await this.dataSource.query(COUNT, [
      c.eventId,
      c.occurredAt,
      c.channel,
      c.accountId,
      c.rateSecond,
      c.volumeHour,
    ]);
    return rows[0].fresh === 1;
  }

  async reading(channel: InboundChannel, accountId: string, range: VolumeRange): Promise<VolumeReading> {
    const rows: { sent: number; volume: number }[] = await this.dataSource.query(READING, [
      channel,
      accountId,
      range.rateFrom,
      range.volumeFrom,
    ]);
    return { channel, sentLastSecond: rows[0].sent, windowVolume: channel === 'instagram' ? rows[0].volume : 0 };
  }

  async purgeBefore(range: VolumeRange): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      let removed = 0;
      for (const [table, cutoff] of [
        ['sent_per_second', range.rateFrom],
        ['volume_per_hour', range.volumeFrom],
      ] as const) {
        const [, count]: [unknown[], number] = await tx.query(
          `DELETE FROM compliance.${table} WHERE bucket_start < $1`,
          [cutoff],
        );
        removed += count;
      }
      // `volumeCountOf` ignores events older than `volumeFrom`, so their ids are no longer needed.
      const [, events]: [unknown[], number] = await tx.query(
        `DELETE FROM compliance.counted_event WHERE occurred_at < $1`,
        [range.volumeFrom],
      );
      return removed + events;
    });
  }
}
