import { AddressInfo } from 'node:net';
import { ProblemDetailsFilter } from '@app/errors';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg, { Client } from 'pg';
import { Clock } from '../../../../apps/meta-sandbox/src/common/ids';
import {
  DEFAULT_DELIVERY,
  DEFAULT_LIMITS,
  DEFAULT_TOKENS,
  DeliverySettings,
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

/** A fresh database for one test file. */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
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
  const settings = new SandboxSettings(
    { ...DEFAULT_LIMITS, ...options.limits },
    { ...FAST_DELIVERY, ...options.delivery },
    DEFAULT_TOKENS,
    null,
  );
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        // TypeORM's own require of pg does not resolve inside Jest's module sandbox.
        driver: pg,
        url: options.databaseUrl,
        entities: META_SANDBOX_ENTITIES,
        migrations: META_SANDBOX_MIGRATIONS,
        migrationsTableName: 'migrations',
        migrationsRun: true,
        synchronize: false,
        logging: false,
        extra: { max: 5 },
      }),
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
