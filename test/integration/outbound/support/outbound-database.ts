import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { DataSource, Logger } from 'typeorm';
import { OUTBOUND_ENTITIES } from '../../../../apps/outbound/src/entities';
import { OUTBOUND_MIGRATIONS } from '../../../../apps/outbound/src/migrations';

export interface OutboundDatabase {
  database: TestDatabase;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A database of the test's own with the outbound schema migrated, for tests that drive repositories directly. */
export async function openOutboundDatabase(name: string, logger?: Logger): Promise<OutboundDatabase> {
  const database = await createTestDatabase(name);
  const options = dataSourceOptions({
    url: database.url,
    schema: 'outbound',
    entities: OUTBOUND_ENTITIES,
    migrations: OUTBOUND_MIGRATIONS,
    poolSize: 4,
  });
  const dataSource = await new DataSource({ ...options, ...(logger && { logger }) }).initialize();
  return {
    database,
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
