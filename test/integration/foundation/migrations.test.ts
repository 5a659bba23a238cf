import { dataSourceOptions, migrateWithLock, pendingSchemaChanges } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_SCHEMAS } from '../../setup/app-schemas';

jest.setTimeout(60_000);

describe('app schemas', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('migrations');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each(APP_SCHEMAS.map((app) => [app.schema, app] as const))(
    '%s: the committed migrations build exactly what the entities describe',
    async (_schema, app) => {
      const dataSource = await new DataSource(
        dataSourceOptions({
          url: database.url,
          schema: app.schema,
          entities: app.entities,
          migrations: app.migrations,
          poolSize: 2,
        }),
      ).initialize();
      try {
        expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
    },
  );

  it('keeps each app in its own schema with its own migrations table', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_schema: string }>(
        `SELECT table_schema FROM information_schema.tables WHERE table_name = 'migrations' ORDER BY 1`,
      );
      expect(rows.map((row) => row.table_schema)).toEqual(APP_SCHEMAS.map((app) => app.schema).sort());
    } finally {
      await client.end();
    }
  });
});

describe(migrateWithLock.name, () => {
  it('lets replicas that boot together apply each migration once', async () => {
    const database = await createTestDatabase('migrator_race');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    // The template is migrated already: start from an empty database to race on real work.
    for (const app of APP_SCHEMAS) await client.query(`DROP SCHEMA "${app.schema}" CASCADE`);
    const outbound = APP_SCHEMAS.find((app) => app.schema === 'outbound')!;
    const replicas = await Promise.all(
      [1, 2, 3].map(() =>
        new DataSource(
          dataSourceOptions({
            url: database.url,
            schema: 'outbound',
            entities: outbound.entities,
            migrations: outbound.migrations,
            poolSize: 2,
          }),
        ).initialize(),
      ),
    );
    try {
      const applied = await Promise.all(replicas.map((replica) => migrateWithLock(replica, 'outbound')));
      expect(applied.flat()).toHaveLength(outbound.migrations.length);
      const { rows } = await client.query('SELECT name FROM outbound.migrations');
      expect(rows).toHaveLength(outbound.migrations.length);
    } finally {
      await Promise.all(replicas.map((replica) => replica.destroy()));
      await client.end();
      await database.drop();
    }
  });
});
