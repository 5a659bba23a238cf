import { dataSourceOptions, migrateWithLock, pendingSchemaChanges } from '@app/database';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { TOKENS_ENTITIES } from '../../../apps/tokens/src/entities';
import { TOKENS_MIGRATIONS } from '../../../apps/tokens/src/migrations';
import { freshDatabase } from '../meta-sandbox/support/sandbox';

describe('tokens schema', () => {
  it('is exactly what the entities describe once the migrations ran', async () => {
    const database = await freshDatabase('tokens_drift');
    const sut = new DataSource({
      ...dataSourceOptions({
        url: database.url,
        schema: 'tokens',
        entities: TOKENS_ENTITIES,
        migrations: TOKENS_MIGRATIONS,
        poolSize: 2,
      }),
      driver: pg,
    } as ConstructorParameters<typeof DataSource>[0]);
    try {
      await sut.initialize();
      await migrateWithLock(sut, 'tokens');
      expect(await pendingSchemaChanges(sut)).toEqual([]);
    } finally {
      await sut.destroy();
      await database.drop();
    }
  });
});
