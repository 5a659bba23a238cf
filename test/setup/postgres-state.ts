import { rmSync } from 'node:fs';
import { Client } from 'pg';
import type { RunningPostgres } from '../../libs/database/src/embedded-postgres';

export const STATE_KEY = Symbol.for('parley.test.postgres');
export const TEMPLATE_DATABASE = `parley_template_${process.pid}`;

export interface TestPostgresState {
  embedded?: RunningPostgres;
  dataDir?: string;
}
export type GlobalWithPostgres = typeof globalThis & { [STATE_KEY]?: TestPostgresState };

export async function stopTestPostgres(): Promise<void> {
  const state = (globalThis as GlobalWithPostgres)[STATE_KEY];
  if (!state) return;
  delete (globalThis as GlobalWithPostgres)[STATE_KEY];
  if (!state.embedded) {
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`).catch(() => undefined);
    await client.end();
    return;
  }
  delete process.env.TEST_DATABASE_URL;
  await state.embedded.stop();
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
}
