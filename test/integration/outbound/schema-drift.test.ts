import { dataSourceOptions, migrateWithLock, pendingSchemaChanges } from '@app/database';
import { createTestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { OUTBOUND_ENTITIES } from '../../../apps/outbound/src/entities';
import { OUTBOUND_MIGRATIONS } from '../../../apps/outbound/src/migrations';

describe('outbound schema', () => {
  it('is exactly what the entities describe once the migrations ran', async () => {
    const database = await createTestDatabase('outbound_drift');
    const sut = new DataSource(
      dataSourceOptions({
        url: database.url,
        schema: 'outbound',
        entities: OUTBOUND_ENTITIES,
        migrations: OUTBOUND_MIGRATIONS,
        poolSize: 2,
      }),
    );
    try {
      await sut.initialize();
      await migrateWithLock(sut, 'outbound');
      expect(await pendingSchemaChanges(sut)).toEqual([]);
    } finally {
      await sut.destroy();
      await database.drop();
    }
  });
});
