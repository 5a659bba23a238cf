import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '@app/config';
import { inboundEventId, InboundEvent, InboundMessage, Topics } from '@app/contracts';
import { ensureTopics, KafkaConfig, topicSpecsFor } from '@app/kafka';
import { createHttpApp } from '@app/runtime';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { INestApplication } from '@nestjs/common';
import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { ComplianceModule } from '../../../../apps/compliance/src/compliance.module';
import { ComplianceConfig } from '../../../../apps/compliance/src/config/compliance.config';
import { rawKafka, testBrokers, uniquePrefix } from '../../kafka/support';

export const INTERNAL_TOKEN = 'it-internal-token-0123456789abcdef0123';
const ISSUER = 'https://tokens.parley.example';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** Serves a JWKS over real HTTP, as tokens does, and signs CRM access tokens with its key. */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: SigningKey,
    readonly url: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'it', alg: 'ES256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestIssuer(server, privateKey, `http://127.0.0.1:${port}`);
  }

  token(scope: string, tenantId = 'tenant-1'): Promise<string> {
    return new SignJWT({ scope, tenant_id: tenantId })
      .setProtectedHeader({ alg: 'ES256', kid: 'it' })
      .setSubject('crm-client')
      .setIssuer(ISSUER)
      .setAudience('parley')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface ComplianceUnderTest {
  app: INestApplication;
  url: string;
  prefix: string;
  database: TestDatabase;
  issuer: TestIssuer;
  close(): Promise<void>;
}

/** Starts compliance on its own database and topics, or, with `replicaOf`, as one more replica of another. */
export async function startCompliance(
  label: string,
  env: Record<string, string> = {},
  replicaOf?: ComplianceUnderTest,
): Promise<ComplianceUnderTest> {
  const database = replicaOf?.database ?? (await createTestDatabase(label));
  const prefix = replicaOf?.prefix ?? uniquePrefix(label);
  const issuer = await TestIssuer.start();
  const settings = loadConfig(
    { app: ComplianceConfig, kafka: KafkaConfig },
    {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testBrokers(),
      KAFKA_TOPIC_PREFIX: prefix,
      INTERNAL_API_TOKEN: INTERNAL_TOKEN,
      TOKENS_URL: issuer.url,
      AUTH_ISSUER: ISSUER,
      PUBLIC_URL: 'https://parley.example',
      LOG_LEVEL: 'silent',
      ...env,
    },
  );
  // The topics compliance reads but another app owns.
  const admin = rawKafka().admin();
  await admin.connect();
  try {
    await ensureTopics(
      admin,
      topicSpecsFor([Topics.messagingInbound, Topics.metaCallbackReceived, Topics.tokensConnection]),
      { prefix },
    );
  } finally {
    await admin.disconnect();
  }
  const app = await createHttpApp(ComplianceModule.register(settings), {
    title: 'compliance',
    description: 'compliance',
    bodyLimitBytes: 1_048_576,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    prefix,
    database,
    issuer,
    async close() {
      await app.close();
      await issuer.close();
      if (!replicaOf) await database.drop();
    },
  };
}

const T = '2026-06-01T12:00:00.000Z';

export function inboundMessage(
  overrides: {
    accountId?: string;
    personId?: string;
    channel?: 'messenger' | 'instagram';
    occurredAt?: string;
    /** `echo`: a message the account sent, as Meta echoes it. */
    kind?: 'message' | 'echo';
  } & Partial<Pick<InboundMessage, 'mid' | 'text'>> = {},
): InboundEvent {
  const kind = overrides.kind ?? 'message';
  const channel = overrides.channel ?? 'messenger';
  const accountId = overrides.accountId ?? '1122';
  const personId = overrides.personId ?? '6543';
  const mid = overrides.mid ?? `m_${Math.random().toString(36).slice(2)}`;
  const occurredAt = overrides.occurredAt ?? T;
  return {
    eventId: inboundEventId({ channel, accountId, kind, naturalKey: mid }),
    kind,
    channel,
    accountId,
    personId,
    userRef: null,
    conversationId: `${channel}:${accountId}:${personId}`,
    occurredAt,
    receivedAt: occurredAt,
    deliveryId: inboundEventId({ channel, accountId, kind: 'message', naturalKey: `delivery-${mid}` }),
    isEcho: kind === 'echo',
    isStandby: false,
    appId: kind === 'echo' ? '263902037430900' : null,
    raw: {},
    message: {
      mid,
      text: overrides.text ?? 'hello',
      attachments: [],
      quickReplyPayload: null,
      replyTo: null,
      referral: null,
      metadata: null,
      isUnsupported: false,
      isSelf: false,
    },
  };
}

export function policyEnforcement(accountId: string, action: string, occurredAt: string): InboundEvent {
  const base = inboundMessage({ accountId, occurredAt });
  const naturalKey = `${action}-${occurredAt}`;
  return {
    ...base,
    eventId: inboundEventId({ channel: 'messenger', accountId, kind: 'policy_enforcement', naturalKey }),
    kind: 'policy_enforcement',
    personId: null,
    conversationId: `messenger:${accountId}`,
    policyEnforcement: { action, reason: action === 'block' ? 'spam' : null },
  };
}

export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
