import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { dataSourceOptions } from '@app/database';
import { ProblemDetailsFilter } from '@app/errors';
import { KafkaModule, kafkaConfigFrom, StructuredLogger } from '@app/kafka';
import { Global, INestApplication, LoggerService, Module, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import pg from 'pg';
import { CrmClientsService } from '../../../../apps/tokens/src/clients/crm-clients.service';
import { TokensConfig } from '../../../../apps/tokens/src/config/tokens.config';
import { TOKENS_ENTITIES } from '../../../../apps/tokens/src/entities';
import { TOKENS_MIGRATIONS } from '../../../../apps/tokens/src/migrations';
import { TokensCoreModule } from '../../../../apps/tokens/src/tokens-core.module';
import { TOKENS_TOPICS } from '../../../../apps/tokens/src/tokens.module';

export const INTERNAL_TOKEN = 'it-internal-token-'.padEnd(40, 'x');

/** Every line any part of the app logged, Kafka's client included, to scan for secrets. */
export class CapturedLogs implements LoggerService {
  readonly lines: string[] = [];

  private push(level: string, args: unknown[]): void {
    this.lines.push(
      JSON.stringify({ level, args }, (_, v: unknown) =>
        v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
      ),
    );
  }

  log = (...args: unknown[]) => this.push('log', args);
  error = (...args: unknown[]) => this.push('error', args);
  warn = (...args: unknown[]) => this.push('warn', args);
  debug = (...args: unknown[]) => this.push('debug', args);
  verbose = (...args: unknown[]) => this.push('verbose', args);
  fatal = (...args: unknown[]) => this.push('fatal', args);

  readonly kafka: StructuredLogger = {
    error: (...args: unknown[]) => this.push('kafka.error', args),
    warn: (...args: unknown[]) => this.push('kafka.warn', args),
    info: (...args: unknown[]) => this.push('kafka.info', args),
    debug: (...args: unknown[]) => this.push('kafka.debug', args),
  } as StructuredLogger;
}

export interface TokensUnderTest {
  app: INestApplication;
  url: string;
  config: TokensConfig;
  logs: CapturedLogs;
  clients: CrmClientsService;
  close(): Promise<void>;
}

export function tokensConfig(overrides: Partial<TokensConfig>): TokensConfig {
  return Object.assign(new TokensConfig(), {
    PORT: 0,
    DATABASE_URL: 'postgres://unused',
    META_GRAPH_VERSION: 'v25.0',
    TOKEN_ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`,
    ONBOARDING_STATE_SECRET: randomBytes(32).toString('hex'),
    INTERNAL_API_TOKEN: INTERNAL_TOKEN,
    AUTH_ISSUER: 'https://tokens.parley.test',
    HEALTH_CHECK_INTERVAL_SECONDS: 0,
    ...overrides,
  });
}

export async function startTokens(options: {
  databaseUrl: string;
  brokers: string;
  prefix: string;
  config: TokensConfig;
}): Promise<TokensUnderTest> {
  const logs = new CapturedLogs();

  @Global()
  @Module({
    imports: [
      KafkaModule.forRoot({
        config: kafkaConfigFrom({ KAFKA_BROKERS: options.brokers, KAFKA_TOPIC_PREFIX: options.prefix }),
        source: '/parley/tokens',
        clientId: 'parley-tokens-it',
        provision: TOKENS_TOPICS,
        logger: logs.kafka,
      }),
    ],
    exports: [KafkaModule],
  })
  class TokensKafkaModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot({
        ...dataSourceOptions({
          url: options.databaseUrl,
          schema: 'tokens',
          entities: TOKENS_ENTITIES,
          migrations: TOKENS_MIGRATIONS,
          poolSize: 4,
        }),
        driver: pg,
        migrationsRun: true,
      } as Parameters<typeof TypeOrmModule.forRoot>[0]),
      TokensKafkaModule,
      TokensCoreModule.forRoot(options.config),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: logs });
  app.useBodyParser('urlencoded', { extended: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config: options.config,
    logs,
    clients: app.get(CrmClientsService),
    close: () => app.close(),
  };
}

/** Follows the browser's path: start URL → Meta's dialog (with the sandbox's stand-ins for clicks) → callback. */
export async function loginThroughDialog(
  tokensUrl: string,
  tenantId: string,
  dialogChoices: Record<string, string> = {},
): Promise<{ dialogUrl: URL; callbackUrl: URL }> {
  const start = await fetch(`${tokensUrl}/onboarding/${tenantId}/start`, { redirect: 'manual' });
  if (start.status !== 302) throw new Error(`start answered ${start.status}`);
  const dialogUrl = new URL(start.headers.get('location')!);
  const chosen = new URL(dialogUrl);
  for (const [k, v] of Object.entries(dialogChoices)) chosen.searchParams.set(k, v);
  const dialog = await fetch(chosen, { redirect: 'manual' });
  if (dialog.status !== 302) throw new Error(`dialog answered ${dialog.status}: ${await dialog.text()}`);
  return { dialogUrl, callbackUrl: new URL(dialog.headers.get('location')!) };
}

export async function getHtml(url: URL | string): Promise<{ status: number; html: string }> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}
