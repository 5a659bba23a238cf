import { AddressInfo } from 'node:net';
import { dataSourceOptions } from '@app/database';
import { ProblemDetailsFilter } from '@app/errors';
import { createTestDatabase } from '@app/testing';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg, { Client } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { SCHEMA } from '../../../../apps/meta-sandbox/src/world/world.entities';
import { Clock } from '../../../../apps/meta-sandbox/src/common/ids';
import {
  DEFAULT_DELIVERY,
  DEFAULT_LIMITS,
  DEFAULT_TOKENS,
  DeliverySettings,
  DemoSeed,
  LimitRules,
  SandboxSettings,
} from '../../../../apps/meta-sandbox/src/common/sandbox-settings';
import {
  META_SANDBOX_ENTITIES,
  META_SANDBOX_MIGRATIONS,
  MetaSandboxModule,
} from '../../../../apps/meta-sandbox/src/meta-sandbox.module';

export function testDatabaseAdminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * A database for one test file: a clone of the run's migrated template when the global setup made one,
 * otherwise an empty database that the sandbox migrates itself.
 */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (process.env.TEST_TEMPLATE_DATABASE) return createTestDatabase(label);
  const admin = testDatabaseAdminUrl();
  const name = `it_${label}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A clock tests can move; starts at real time. */
export class TestClock extends Clock {
  offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface SandboxUnderTest {
  app: INestApplication;
  url: string;
  clock: TestClock;
  close(): Promise<void>;
}

export interface SandboxOptions {
  databaseUrl: string;
  delivery?: Partial<DeliverySettings>;
  limits?: Partial<LimitRules>;
  /** Seed the local stack's demo world at boot. */
  demo?: DemoSeed;
}

/** Fast retries and receipts so tests see Meta's behaviour in milliseconds. */
export const FAST_DELIVERY: DeliverySettings = {
  ...DEFAULT_DELIVERY,
  pollMs: 20,
  timeoutMs: 2000,
  retry: { immediateRetries: 2, immediateDelayMs: 30, baseDelayMs: 60, maxDelayMs: 200, horizonMs: 60_000 },
  deliveryReceiptDelayMs: null,
  readReceiptDelayMs: null,
};

export async function startSandbox(options: SandboxOptions): Promise<SandboxUnderTest> {
  // The migrations table lives in the schema, so the schema must exist before TypeORM migrates.
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`);
  await client.end();
  const settings = new SandboxSettings(
    { ...DEFAULT_LIMITS, ...options.limits },
    { ...FAST_DELIVERY, ...options.delivery },
    DEFAULT_TOKENS,
    options.demo ?? null,
  );
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        ...dataSourceOptions({
          url: options.databaseUrl,
          schema: SCHEMA,
          entities: META_SANDBOX_ENTITIES,
          migrations: META_SANDBOX_MIGRATIONS,
          poolSize: 5,
        }),
        // TypeORM's own require of pg does not resolve inside Jest's module sandbox.
        driver: pg,
        migrationsRun: true,
      } as DataSourceOptions),
      MetaSandboxModule.forRoot(settings),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, clock, close: () => app.close() };
}
