import { AddressInfo } from 'node:net';
import { Topics } from '@app/contracts';
import { ProblemDetailsFilter } from '@app/errors';
import { KafkaModule, kafkaConfigFrom, StructuredLogger } from '@app/kafka';
import { DEFAULT_WEBHOOK_BODY_LIMITS } from '@app/meta';
import { Global, INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg, { Client } from 'pg';
import { register } from 'prom-client';
import { RecentPublication1780000000000 } from '../../../../apps/gateway/src/migrations/1780000000000-recent-publication';
import { RecentPublicationEntity } from '../../../../apps/gateway/src/webhooks/recent-publication.entity';
import { webhookRawBody } from '../../../../apps/gateway/src/webhooks/webhook-raw-body';
import { WebhookSettings } from '../../../../apps/gateway/src/webhooks/webhook-settings';
import { WebhooksModule } from '../../../../apps/gateway/src/webhooks/webhooks.module';

export const APP_SECRET = 'it-app-secret';
export const VERIFY_TOKEN = 'it-verify-token';

const quiet: StructuredLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

export function testDatabaseAdminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A fresh database for one test file, migrated; returns its URL. */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(testDatabaseAdminUrl());
  const name = `it_${label}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const owner = new Client({ connectionString: url.toString() });
  await owner.connect();
  await owner.query('CREATE SCHEMA gateway');
  await owner.end();
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface GatewayUnderTest {
  app: INestApplication;
  url: string;
  settings: WebhookSettings;
  close(): Promise<void>;
}

export async function startGateway(options: {
  brokers: string;
  prefix: string;
  databaseUrl: string;
  publishTimeoutMs?: number;
}): Promise<GatewayUnderTest> {
  const settings: WebhookSettings = {
    appSecrets: [APP_SECRET],
    verifyToken: VERIFY_TOKEN,
    bodyLimits: DEFAULT_WEBHOOK_BODY_LIMITS,
    publishTimeoutMs: options.publishTimeoutMs ?? 2500,
    dedupeWindowSeconds: 3600,
    dedupeLookupTimeoutMs: 500,
    publicUrl: 'https://parley.example',
  };

  @Global()
  @Module({ providers: [{ provide: WebhookSettings, useValue: settings }], exports: [WebhookSettings] })
  class SettingsModule {}

  @Global()
  @Module({
    imports: [
      KafkaModule.forRoot({
        config: kafkaConfigFrom({ KAFKA_BROKERS: options.brokers, KAFKA_TOPIC_PREFIX: options.prefix }),
        source: '/parley/gateway',
        clientId: 'parley-gateway-it',
        provision: [Topics.webhookReceived, Topics.messagingInbound, Topics.metaCallbackReceived],
        logger: quiet,
      }),
    ],
    exports: [KafkaModule],
  })
  class GatewayKafkaModule {}

  register.clear();
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        type: 'postgres',
        // TypeORM's own require of pg does not resolve inside Jest's module sandbox.
        driver: pg,
        url: options.databaseUrl,
        entities: [RecentPublicationEntity],
        schema: 'gateway',
        migrations: [RecentPublication1780000000000],
        migrationsRun: true,
        synchronize: false,
        logging: false,
      }),
      SettingsModule,
      GatewayKafkaModule,
      WebhooksModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.use(webhookRawBody(settings.bodyLimits.maxBytes));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, settings, close: () => app.close() };
}
