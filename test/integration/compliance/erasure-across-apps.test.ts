import {
  CONNECTION_EVENT_TYPE,
  ConnectionEvent,
  deletionConfirmationCode,
  MetaCallbackEvent,
  metaCallbackId,
  outboundConversationId,
  Topics,
} from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessagesRepository } from '../../../apps/outbound/src/messages/messages.repository';
import { ConnectionsRepository } from '../../../apps/tokens/src/connections/connections.repository';
import { PageConnectionEntity } from '../../../apps/tokens/src/connections/page-connection.entity';
import { testBrokers } from '../kafka/support';
import { acceptedMessage } from '../outbound/support/accepted-message';
import { CrmTokens, OutboundUnderTest, startOutbound } from '../outbound/support/outbound-app';
import { startTokens, tokensConfig, TokensUnderTest } from '../tokens/support/tokens-app';
import { ComplianceUnderTest, eventually, inboundMessage, startCompliance } from './support/compliance-app';

jest.setTimeout(90_000);

type Status = {
  status: string;
  apps: { app: string; status: string; deletedRecords: number | null; detail: string | null }[];
};

// The three apps of ERASURE_APPS on one Kafka and one database, each in its own schema, as `npm start` runs them.
describe('an erasure across compliance, outbound and tokens', () => {
  const ACCOUNT = '1122';
  const UNREACHABLE = 'http://127.0.0.1:9';
  let compliance: ComplianceUnderTest;
  let outbound: OutboundUnderTest;
  let tokens: TokensUnderTest;
  let db: DataSource;

  beforeAll(async () => {
    compliance = await startCompliance('erasure_apps');
    const keys = await CrmTokens.create();
    const shared = { databaseUrl: compliance.database.url, brokers: testBrokers(), prefix: compliance.prefix };
    // Neither app calls Meta here: nothing is sent, nobody logs in.
    outbound = await startOutbound({
      ...shared,
      graphUrl: UNREACHABLE,
      appId: '1234567890',
      appSecret: 'app-secret',
      jwk: keys.jwk,
    });
    tokens = await startTokens({
      ...shared,
      config: tokensConfig({ META_GRAPH_URL: UNREACHABLE, META_DIALOG_URL: UNREACHABLE, META_APP_ID: '1234567890' }),
    });
    db = compliance.app.get(DataSource);
    const connection: ConnectionEvent = {
      eventId: randomUUID(),
      change: 'connected',
      tenantId: 'tenant-1',
      pageId: ACCOUNT,
      instagramId: null,
      reason: 'onboarding',
      status: 'active',
      permissions: [],
      occurredAt: new Date().toISOString(),
    };
    await compliance.app
      .get(EventPublisher)
      .publish(Topics.tokensConnection, [
        { key: ACCOUNT, type: CONNECTION_EVENT_TYPE, id: connection.eventId, data: connection },
      ]);
    await eventually(
      async () =>
        (await db.query('SELECT 1 FROM compliance.account_tenant WHERE account_id = $1', [ACCOUNT])) as unknown[],
      (rows) => rows.length === 1,
    );
  }, 120_000);

  afterAll(async () => {
    await tokens?.close();
    await outbound?.close();
    await compliance?.close();
  }, 60_000);

  const status = async (code: string) => {
    const res = await fetch(`${compliance.url}/v1/erasure/${code}`);
    return { status: res.status, body: (await res.json()) as Status };
  };
  const completed = (code: string) =>
    eventually(
      () => status(code),
      (r) => r.status === 200 && r.body.status !== 'pending',
      30_000,
    );
  const appsOf = (body: Status) => Object.fromEntries(body.apps.map(({ app, ...rest }) => [app, rest]));

  /** A message outbound accepted for the person (and stored with its idempotency answer), already queued. */
  async function outboundMessageTo(personId: string): Promise<void> {
    const now = new Date();
    const conversationId = outboundConversationId('messenger', ACCOUNT, personId);
    const message = acceptedMessage({
      tenantId: 'tenant-1',
      accountId: ACCOUNT,
      recipientId: personId,
      conversationId,
      content: { text: 'Your order shipped' },
      createdAt: now,
      updatedAt: now,
    });
    const messages = outbound.app.get(MessagesRepository);
    const body = { id: message.id, status: 'accepted', conversationId, acceptedAt: now.toISOString() };
    const answer = { operation: 'POST /v1/messages', requestHash: 'h', statusCode: 202, response: body };
    expect(await messages.createAccepted(message, { tenantId: 'tenant-1', key: randomUUID(), ...answer })).toBe(true);
    await messages.markPublished([message.id], now);
  }

  it('completes once compliance, outbound and tokens erased a person and reported', async () => {
    const publisher = compliance.app.get(EventPublisher);
    await publisher.publish(Topics.messagingInbound, [
      { key: 'k', type: 'parley.messaging.inbound.v1', id: randomUUID(), data: inboundMessage({ personId: 'p9' }) },
    ]);
    await outboundMessageTo('p9');
    await outboundMessageTo('p10');
    await eventually(
      async () => (await db.query(`SELECT 1 FROM compliance.conversation WHERE person_id = 'p9'`)) as unknown[],
      (rows) => rows.length === 1,
    );

    const res = await fetch(`${compliance.url}/v1/erasure`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await compliance.issuer.token('pages:manage')}`,
      },
      body: JSON.stringify({ channel: 'messenger', accountId: ACCOUNT, personId: 'p9' }),
    });
    expect(res.status).toBe(201);
    const { confirmationCode } = (await res.json()) as { confirmationCode: string };

    const done = await completed(confirmationCode);
    expect(done.body.status).toBe('completed');
    const apps = appsOf(done.body);
    expect(Object.keys(apps)).toEqual(['compliance', 'outbound', 'tokens']);
    expect(apps.compliance).toMatchObject({ status: 'done', deletedRecords: expect.any(Number) });
    expect(apps.compliance.deletedRecords).toBeGreaterThanOrEqual(1);
    // The message, its `accepted` step and the idempotency answer.
    expect(apps.outbound).toMatchObject({ status: 'done', deletedRecords: 3 });
    expect(apps.tokens).toMatchObject({ status: 'done', deletedRecords: 0 });
    const left = (await db.query(`SELECT recipient_id FROM outbound.message`)) as { recipient_id: string }[];
    expect(left.map((m) => m.recipient_id)).toEqual(['p10']);
  });

  it("completes Meta's data-deletion request once tokens forgot the user who connected a Page", async () => {
    const appScopedUserId = '5550001';
    await tokens.app.get(ConnectionsRepository).save(
      Object.assign(new PageConnectionEntity(), {
        pageId: '3344',
        tenantId: 'tenant-1',
        pageName: 'Acme Shop',
        instagramId: null,
        instagramUsername: null,
        pageTokenCiphertext: 'page-ciphertext',
        userTokenCiphertext: 'user-ciphertext',
        keyId: 'k1',
        tasks: ['MESSAGING'],
        permissions: ['pages_messaging'],
        status: 'active' as const,
        statusReason: 'onboarding',
        grantedBy: appScopedUserId,
        connectedAt: new Date(),
        updatedAt: new Date(),
        checkedAt: null,
      }),
    );
    const callbackId = metaCallbackId('data_deletion', `it-${randomUUID()}`);
    const code = deletionConfirmationCode(callbackId);
    const callback: MetaCallbackEvent = {
      callbackId,
      kind: 'data_deletion',
      appScopedUserId,
      issuedAt: null,
      receivedAt: new Date().toISOString(),
      confirmationCode: code,
      statusUrl: `https://parley.example/privacy/deletion-status?code=${code}`,
      payload: { user_id: appScopedUserId },
    };

    await compliance.app
      .get(EventPublisher)
      .publish(Topics.metaCallbackReceived, [
        { key: appScopedUserId, type: 'parley.meta.callback.received.v1', id: callbackId, data: callback },
      ]);

    const done = await completed(code);
    expect(done.body.status).toBe('completed');
    const apps = appsOf(done.body);
    expect(apps.tokens).toMatchObject({ status: 'done', deletedRecords: 1 });
    expect(apps.outbound).toMatchObject({ status: 'done', deletedRecords: 0 });
    expect(apps.compliance).toMatchObject({ status: 'done', deletedRecords: 0 });
    const [row] = (await db.query(
      `SELECT granted_by, user_token_ciphertext, status FROM tokens.page_connection WHERE page_id = '3344'`,
    )) as { granted_by: string | null; user_token_ciphertext: string | null; status: string }[];
    expect(row).toEqual({ granted_by: null, user_token_ciphertext: null, status: 'active' });
  });
});
