import pg from 'pg';
import { DataSource } from 'typeorm';
import { META_SANDBOX_ENTITIES, META_SANDBOX_MIGRATIONS } from '../../../apps/meta-sandbox/src/meta-sandbox.module';
import { freshDatabase } from './support/sandbox';

jest.setTimeout(30_000);

describe('meta_sandbox schema', () => {
  it('the migrations build exactly what the entities describe', async () => {
    const db = await freshDatabase('sandbox_drift');
    const ds = new DataSource({
      type: 'postgres',
      driver: pg,
      url: db.url,
      entities: META_SANDBOX_ENTITIES,
      migrations: META_SANDBOX_MIGRATIONS,
      logging: false,
    });
    try {
      await ds.initialize();
      await ds.runMigrations();
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
