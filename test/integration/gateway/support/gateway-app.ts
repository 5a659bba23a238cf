import { AddressInfo } from 'node:net';
import { Topics } from '@app/contracts';
import { dataSourceOptions } from '@app/database';
import { ProblemDetailsFilter } from '@app/errors';
import { KafkaModule, kafkaConfigFrom, StructuredLogger } from '@app/kafka';
import { DEFAULT_WEBHOOK_BODY_LIMITS } from '@app/meta';
import { createTestDatabase } from '@app/testing';
import { Global, INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import pg from 'pg';
import { register } from 'prom-client';
import { GATEWAY_ENTITIES } from '../../../../apps/gateway/src/entities';
import { GATEWAY_MIGRATIONS } from '../../../../apps/gateway/src/migrations';
import { webhookEndpoint } from '../../../../apps/gateway/src/webhooks/webhook-endpoint';
import { WebhookIntakeService } from '../../../../apps/gateway/src/webhooks/webhook-intake.service';
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

/** A database of one test file: a clone of the run's template, every schema migrated. */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  return createTestDatabase(label);
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
        ...dataSourceOptions({
          url: options.databaseUrl,
          schema: 'gateway',
          entities: GATEWAY_ENTITIES,
          migrations: GATEWAY_MIGRATIONS,
          poolSize: 5,
        }),
        migrationsRun: true,
        // TypeORM's own require of pg does not resolve inside Jest's module sandbox.
        driver: pg,
      } as TypeOrmModuleOptions),
      SettingsModule,
      GatewayKafkaModule,
      WebhooksModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.use(webhookEndpoint(app.get(WebhookIntakeService), settings.bodyLimits.maxBytes));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, settings, close: () => app.close() };
}
