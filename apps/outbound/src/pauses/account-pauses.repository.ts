import { OutboundChannel } from '@app/contracts';
import { prepared } from '@app/database';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountPauseEntity } from './account-pause.entity';

/** Paused accounts in the outbound schema. */
export abstract class AccountPausesRepository {
  abstract find(channel: OutboundChannel, accountId: string): Promise<AccountPauseEntity | null>;
  abstract save(pause: AccountPauseEntity): Promise<void>;
  abstract remove(channel: OutboundChannel, accountId: string): Promise<void>;
}

/** A row of `outbound.account_pause` as the driver hands it back: timestamptz as Date. */
interface PauseRow {
  channel: OutboundChannel;
  account_id: string;
  reason: string;
  meta_code: number | null;
  strikes: number;
  paused_at: Date;
  paused_until: Date;
}

function pauseFromRow(row: PauseRow): AccountPauseEntity {
  return Object.assign(new AccountPauseEntity(), {
    channel: row.channel,
    accountId: row.account_id,
    reason: row.reason,
    metaCode: row.meta_code,
    strikes: row.strikes,
    pausedAt: row.paused_at,
    pausedUntil: row.paused_until,
  });
}

@Injectable()
export class PgAccountPausesRepository extends AccountPausesRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async find(channel: OutboundChannel, accountId: string): Promise<AccountPauseEntity | null> {
    const rows: PauseRow[] = await this.dataSource.query(
      prepared(`SELECT channel, account_id, reason, meta_code, strikes, paused_at, paused_until FROM outbound.account_pause
       WHERE channel = $1 AND account_id = $2`),
      [channel, accountId],
    );
    return rows[0] ? pauseFromRow(rows[0]) : null;
  }

  async save(pause: AccountPauseEntity): Promise<void> {
    await this.dataSource.getRepository(AccountPauseEntity).upsert(pause, ['channel', 'accountId']);
  }

  async remove(channel: OutboundChannel, accountId: string): Promise<void> {
    await this.dataSource.getRepository(AccountPauseEntity).delete({ channel, accountId });
  }
}
