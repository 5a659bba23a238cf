import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { OutboundChannel } from '@app/contracts';
import { ProblemDetailsFilter } from '@app/errors';
import { kafkaConfigFrom } from '@app/kafka';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { register } from 'prom-client';
import { AccountAccess, PageTokens } from '../../../../apps/outbound/src/accounts/page-tokens';
import {
  SendDecision,
  SendDecisionQuery,
  SendDecisions,
} from '../../../../apps/outbound/src/compliance/send-decisions';
import { OutboundConfig } from '../../../../apps/outbound/src/config/outbound.config';
import { OutboundModule } from '../../../../apps/outbound/src/outbound.module';
import { ConsumerSettings } from '../../../../apps/outbound/src/sending/outbound-consumers';

export const ISSUER = 'https://tokens.parley.test';
export const AUDIENCE = 'parley';
export const TENANT = 'acme';

/** Stands in for the tokens app: the sandbox's Page token for the seeded accounts, owned by one tenant. */
export class SeededPageTokens extends PageTokens {
  readonly accounts = new Map<string, AccountAccess>();
  forgotten: string[] = [];

  add(channel: OutboundChannel, accountId: string, pageId: string, accessToken: string, tenantId = TENANT): void {
    this.accounts.set(`${channel}:${accountId}`, { channel, accountId, pageId, accessToken, tenantId });
  }

  async access(channel: OutboundChannel, accountId: string): Promise<AccountAccess | null> {
    return this.accounts.get(`${channel}:${accountId}`) ?? null;
  }

  forget(channel: OutboundChannel, accountId: string): void {
    this.forgotten.push(`${channel}:${accountId}`);
  }
}

/** Stands in for compliance: allows, except people it was told are outside their window. */
export class ScriptedDecisions extends SendDecisions {
  readonly closedWindows = new Map<string, string>();
  readonly asked: SendDecisionQuery[] = [];

  async decide(query: SendDecisionQuery): Promise<SendDecision> {
    this.asked.push(query);
    const closedAt = this.closedWindows.get(query.personId);
    return closedAt
      ? { allowed: false, reason: 'window_closed', rule: 'standard_window', deadline: null, windowClosedAt: closedAt }
      : { allowed: true, reason: 'window_open', rule: 'standard_window', deadline: null, windowClosedAt: null };
  }
}

export interface OutboundUnderTest {
  app: INestApplication;
  url: string;
  tokens: SeededPageTokens;
  decisions: ScriptedDecisions;
  close(): Promise<void>;
}

export interface OutboundOptions {
  databaseUrl: string;
  brokers: string;
  prefix: string;
  graphUrl: string;
  appId: string;
  appSecret: string;
  jwk: JWK;
  env?: Record<string, string>;
  /** Replaces the consumers' settings, e.g. to accept messages without sending them. */
  consumers?: ConsumerSettings;
  tokens?: SeededPageTokens;
  decisions?: ScriptedDecisions;
}

export async function startOutbound(options: OutboundOptions): Promise<OutboundUnderTest> {
  const { app: config } = loadConfig(
    { app: OutboundConfig },
    {
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: options.databaseUrl,
      META_GRAPH_URL: options.graphUrl,
      META_APP_ID: options.appId,
      META_APP_SECRET: options.appSecret,
      INTERNAL_API_TOKEN: 'x'.repeat(32),
      AUTH_ISSUER: ISSUER,
      OUTBOUND_RETRY_BASE_MS: '50',
      META_TIMEOUT_MS: '3000',
      ...options.env,
    },
  );
  const kafka = kafkaConfigFrom({ KAFKA_BROKERS: options.brokers, KAFKA_TOPIC_PREFIX: options.prefix });
  const tokens = options.tokens ?? new SeededPageTokens();
  const decisions = options.decisions ?? new ScriptedDecisions();
  register.clear();
  const moduleRef = await Test.createTestingModule({
    imports: [
      OutboundModule.register({ app: config, kafka }, { auth: { jwks: { keys: [options.jwk] }, jwksUrl: undefined } }),
    ],
  })
    .overrideProvider(PageTokens)
    .useValue(tokens)
    .overrideProvider(SendDecisions)
    .useValue(decisions)
    .overrideProvider(ConsumerSettings)
    .useValue(options.consumers ?? new ConsumerSettings())
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, tokens, decisions, close: () => app.close() };
}

/** A CRM client's signing side: ES256 keys and access tokens for a tenant. */
export class CrmTokens {
  private constructor(
    readonly jwk: JWK,
    private readonly privateKey: Parameters<SignJWT['sign']>[0],
  ) {}

  static async create(): Promise<CrmTokens> {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'it', alg: 'ES256', use: 'sig' };
    return new CrmTokens(jwk, privateKey);
  }

  token(scopes = 'messages:send messages:read', tenant = TENANT): Promise<string> {
    return new SignJWT({ scope: scopes, tenant_id: tenant })
      .setProtectedHeader({ alg: 'ES256', kid: 'it' })
      .setSubject('crm-client')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('10m')
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
