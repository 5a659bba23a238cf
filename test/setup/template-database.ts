import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { migrateWithLock } from '../../libs/database/src/migrator';
import { APP_SCHEMAS } from './app-schemas';
import { TEMPLATE_DATABASE } from './postgres-state';

/** Creates the run's template database with every app's migrations applied; test files clone it. */
export async function migrateTemplate(adminUrl: string): Promise<string> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  for (const app of APP_SCHEMAS) {
    const dataSource = await new DataSource(
      dataSourceOptions({
        url: url.toString(),
        schema: app.schema,
        entities: app.entities,
        migrations: app.migrations,
        poolSize: 2,
      }),
    ).initialize();
    try {
      await migrateWithLock(dataSource, app.schema);
    } finally {
      await dataSource.destroy();
    }
  }
  return TEMPLATE_DATABASE;
}
