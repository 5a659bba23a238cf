import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { kafkaConfigFrom } from '@app/kafka';
import { createHttpApp } from '@app/runtime';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { register } from 'prom-client';
import { TOKENS_API } from '../../../apps/tokens/src/api-info';
import { TokensModule } from '../../../apps/tokens/src/tokens.module';
import { testBrokers, uniquePrefix } from '../kafka/support';
import { tokensConfig } from './support/tokens-app';

jest.setTimeout(60_000);

describe('tokens app', () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase('tokens_boot');
    register.clear();
    const config = tokensConfig({
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      META_APP_ID: '1',
      META_APP_SECRET: 's',
      ONBOARDING_STATE_SECRET: randomBytes(32).toString('hex'),
    });
    app = await createHttpApp(
      TokensModule.register({
        app: config,
        kafka: kafkaConfigFrom({ KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: uniquePrefix('tokens-boot') }),
      }),
      { ...TOKENS_API, bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES, useJsonLogger: false },
    );
    app.useLogger(false);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('boots with its platform modules: ready, JWKS published, Pages API behind CRM auth', async () => {
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(Array.isArray(jwks.keys)).toBe(true);
    const pages = await fetch(`${base}/v1/pages`);
    expect(pages.status).toBe(401);
    expect(pages.headers.get('content-type')).toContain('application/problem+json');
  });
});
