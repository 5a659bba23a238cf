import { dataSourceOptions, migrateWithLock, pendingSchemaChanges } from '@app/database';
import pg from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { META_SANDBOX_ENTITIES } from '../../../apps/meta-sandbox/src/entities';
import { META_SANDBOX_MIGRATIONS } from '../../../apps/meta-sandbox/src/migrations';
import { freshDatabase } from './support/sandbox';

jest.setTimeout(30_000);

describe('meta_sandbox schema', () => {
  it('the migrations build exactly what the entities describe', async () => {
    const db = await freshDatabase('sandbox_drift');
    const options = dataSourceOptions({
      url: db.url,
      schema: 'meta_sandbox',
      entities: META_SANDBOX_ENTITIES,
      migrations: META_SANDBOX_MIGRATIONS,
      poolSize: 2,
    });
    const ds = new DataSource({ ...options, driver: pg } as DataSourceOptions);
    try {
      await ds.initialize();
      await migrateWithLock(ds, 'meta_sandbox');

      expect(await pendingSchemaChanges(ds)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
