import { OutboundChannel } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountPauseEntity } from './account-pause.entity';

/** Paused accounts in the outbound schema. */
export abstract class AccountPausesRepository {
  abstract find(channel: OutboundChannel, accountId: string): Promise<AccountPauseEntity | null>;
  abstract save(pause: AccountPauseEntity): Promise<void>;
  abstract remove(channel: OutboundChannel, accountId: string): Promise<void>;
}

@Injectable()
export class PgAccountPausesRepository extends AccountPausesRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  find(channel: OutboundChannel, accountId: string): Promise<AccountPauseEntity | null> {
    return this.dataSource.getRepository(AccountPauseEntity).findOneBy({ channel, accountId });
  }

  async save(pause: AccountPauseEntity): Promise<void> {
    await this.dataSource.getRepository(AccountPauseEntity).upsert(pause, ['channel', 'accountId']);
  }

  async remove(channel: OutboundChannel, accountId: string): Promise<void> {
    await this.dataSource.getRepository(AccountPauseEntity).delete({ channel, accountId });
  }
}
