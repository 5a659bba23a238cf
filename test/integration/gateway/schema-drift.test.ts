import { dataSourceOptions, migrateWithLock, pendingSchemaChanges } from '@app/database';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { GATEWAY_ENTITIES } from '../../../apps/gateway/src/entities';
import { GATEWAY_MIGRATIONS } from '../../../apps/gateway/src/migrations';
import { freshDatabase } from './support/gateway-app';

describe('gateway schema', () => {
  it('is exactly what the entities describe once the migrations ran', async () => {
    const database = await freshDatabase('gateway_drift');
    const sut = new DataSource({
      ...dataSourceOptions({
        url: database.url,
        schema: 'gateway',
        entities: GATEWAY_ENTITIES,
        migrations: GATEWAY_MIGRATIONS,
        poolSize: 2,
      }),
      // TypeORM's own require of pg does not resolve inside Jest's module sandbox.
      driver: pg,
    } as ConstructorParameters<typeof DataSource>[0]);
    try {
      await sut.initialize();
      await migrateWithLock(sut, 'gateway');
      expect(await pendingSchemaChanges(sut)).toEqual([]);
    } finally {
      await sut.destroy();
      await database.drop();
    }
  });
});
