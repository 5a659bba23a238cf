import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
// Jest loads global setup outside its module map, so the @app alias does not resolve here.
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { freePort } from '../../libs/kafka-local/src/ports';
import { GlobalWithPostgres, STATE_KEY, TestPostgresState } from './postgres-state';
import { migrateTemplate } from './template-database';

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * PostgreSQL for the run: TEST_DATABASE_URL if set, else the server on 127.0.0.1:5432 if it answers, else an
 * embedded one. Its admin URL reaches test files as TEST_DATABASE_URL; the template every file clones is migrated here.
 */
export async function startTestPostgres(): Promise<void> {
  const state: TestPostgresState = {};
  (globalThis as GlobalWithPostgres)[STATE_KEY] = state;
  if (!process.env.TEST_DATABASE_URL) {
    if (await answers(LOCAL_SERVER)) {
      process.env.TEST_DATABASE_URL = LOCAL_SERVER;
    } else {
      state.dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-test-pg-'));
      // Run as root, PostgreSQL runs as the `postgres` user, who must be able to reach its data directory.
      chmodSync(state.dataDir, 0o755);
      state.embedded = await startEmbeddedPostgres({
        dataDir: path.join(state.dataDir, 'data'),
        port: await freePort(),
      });
      process.env.TEST_DATABASE_URL = state.embedded.url;
    }
  }
  process.env.TEST_TEMPLATE_DATABASE = await migrateTemplate(process.env.TEST_DATABASE_URL!);
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
