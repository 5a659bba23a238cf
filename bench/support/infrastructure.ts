import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '@app/database';
import { freePort, startLocalKafka } from '@app/kafka-local';

export interface BenchInfrastructure {
  /** A database of its own on the embedded PostgreSQL. */
  databaseUrl: string;
  kafkaBrokers: string;
}

/** Runs `work` against an embedded PostgreSQL and a local Kafka in temporary directories, removed afterwards. */
export async function withInfrastructure<T>(work: (infrastructure: BenchInfrastructure) => Promise<T>): Promise<T> {
  const pgDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-pg-'));
  // Run as root, the server runs as the postgres user, which must reach its data directory.
  chmodSync(pgDir, 0o755);
  const kafkaDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-kafka-'));
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(pgDir, 'data'),
    port: await freePort('127.0.0.1'),
  });
  try {
    const kafka = await startLocalKafka({ dataDir: kafkaDir, port: await freePort('127.0.0.1'), tuning: 'test' });
    try {
      const databaseUrl = await ensureDatabase(postgres.url, 'parley_bench');
      return await work({ databaseUrl, kafkaBrokers: kafka.brokers });
    } finally {
      await kafka.stop();
    }
  } finally {
    await postgres.stop();
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(kafkaDir, { recursive: true, force: true });
  }
}
