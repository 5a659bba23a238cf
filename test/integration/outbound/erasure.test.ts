import { Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { appUserErasureRequest, createTestDatabase, erasureRequest } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NOTHING_KEPT_FOR_APP_USERS } from '../../../apps/outbound/src/erasure/conversation-erasure';
import { MessagesRepository } from '../../../apps/outbound/src/messages/messages.repository';
import { eventually, TopicReader } from '../gateway/support/topic-reader';
import { testBrokers, uniquePrefix } from '../kafka/support';
import { freshDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import { publishErasure, reportsOf } from '../support/erasure';
import { CrmClient, waitFor } from './support/crm-client';
import { CrmTokens, OutboundUnderTest, startOutbound } from './support/outbound-app';

jest.setTimeout(90_000);

interface Stored {
  messages: number;
  statuses: number;
  answers: number;
}

// A CRM wrote to Ana and Bo through outbound, which sent through the Meta sandbox; then Ana's data is erased.
describe('outbound carries out erasures', () => {
  const prefix = uniquePrefix('outbound-erasure');
  const drops: (() => Promise<void>)[] = [];
  let sandbox: SandboxUnderTest;
  let world: World;
  let sut: OutboundUnderTest;
  let crm: CrmClient;
  let reader: TopicReader;
  let db: DataSource;
  const sentTo: Record<string, string[]> = { ana: [], bo: [] };
  const conversationOf = (person: string) => `messenger:${world.pageId}:${world.psid(person)}`;

  beforeAll(async () => {
    const outboundDb = await createTestDatabase('outbound_erasure');
    const sandboxDb = await freshDatabase('outbound_erasure_meta');
    drops.push(outboundDb.drop, sandboxDb.drop);
    sandbox = await startSandbox({ databaseUrl: sandboxDb.url });
    world = await World.create(
      sandbox.url,
      standardSeed(undefined, {
        people: [
          { key: 'ana', name: 'Ana Souza', username: 'ana.souza' },
          { key: 'bo', name: 'Bo Silent', username: 'bo.silent' },
        ],
      }),
    );
    const keys = await CrmTokens.create();
    sut = await startOutbound({
      databaseUrl: outboundDb.url,
      brokers: testBrokers(),
      prefix,
      graphUrl: sandbox.url,
      appId: world.app.id,
      appSecret: world.app.secret,
      jwk: keys.jwk,
    });
    sut.tokens.add('messenger', world.pageId, world.pageId, world.pageToken());
    crm = new CrmClient(sut.url, () => keys.token());
    db = sut.app.get(DataSource);
    reader = new TopicReader(testBrokers(), [`${prefix}${Topics.privacyErasureProgress}`]);
    await reader.start();

    for (const person of ['ana', 'bo']) {
      await world.says(`hello from ${person}`, world.pageId, person);
      for (const text of ['Your order shipped', 'It arrives tomorrow']) {
        const accepted = await crm.send<{ id: string }>({
          channel: 'messenger',
          accountId: world.pageId,
          recipientId: world.psid(person),
          message: { text },
        });
        expect(accepted.status).toBe(202);
        sentTo[person].push(accepted.body.id);
        await waitFor(
          async () => (await crm.message<{ status: string }>(accepted.body.id)).body,
          (m) => m.status === 'sent',
          20_000,
          `message to ${person} sent`,
        );
      }
      const typing = await crm.request(
        'POST',
        '/v1/sender-actions',
        { channel: 'messenger', accountId: world.pageId, recipientId: world.psid(person), action: 'typing_on' },
        { 'idempotency-key': randomUUID() },
      );
      expect(typing.status).toBe(200);
    }
  });

  afterAll(async () => {
    await reader?.stop();
    await sut?.close();
    await sandbox?.close();
    for (const drop of drops) await drop();
  });

  async function stored(person: string): Promise<Stored> {
    const [row] = (await db.query(
      `SELECT
         (SELECT count(*)::int FROM outbound.message WHERE conversation_id = $1) AS messages,
         (SELECT count(*)::int FROM outbound.message_status s JOIN outbound.message m ON m.id = s.message_id
           WHERE m.conversation_id = $1) AS statuses,
         (SELECT count(*)::int FROM outbound.idempotency_key
           WHERE response->>'conversationId' = $1 OR response->>'recipientId' = $2) AS answers`,
      [conversationOf(person), world.psid(person)],
    )) as Stored[];
    return row;
  }

  const anaRequest = () =>
    erasureRequest({ channel: 'messenger', accountId: world.pageId, personId: world.psid('ana') });

  it("deletes the person's messages, their history and the answers that name them; keeps everyone else's", async () => {
    const ana = await stored('ana');
    const bo = await stored('bo');
    expect(ana).toEqual({ messages: 2, statuses: 4, answers: 3 });
    const request = anaRequest();

    await publishErasure(sut.app.get(EventPublisher), request);

    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'outbound').length === 1, 30_000, 'report');
    expect(reportsOf(reader, prefix, request.erasureId, 'outbound')).toEqual([
      expect.objectContaining({ key: request.erasureId, status: 'done', deletedRecords: 9, detail: null }),
    ]);
    expect(await stored('ana')).toEqual({ messages: 0, statuses: 0, answers: 0 });
    expect(await stored('bo')).toEqual(bo);
    const orphans = (await db.query(
      `SELECT count(*)::int AS n FROM outbound.message_status s
       WHERE NOT EXISTS (SELECT 1 FROM outbound.message m WHERE m.id = s.message_id)`,
    )) as { n: number }[];
    expect(orphans[0].n).toBe(0);
    const list = (person: string) =>
      crm.request<{ data: unknown[] }>(
        'GET',
        `/v1/messages?conversationId=${encodeURIComponent(conversationOf(person))}`,
      );
    expect((await list('ana')).body.data).toEqual([]);
    expect((await list('bo')).body.data).toHaveLength(2);
  });

  it('drops a status step that arrives for a message erased while it was being sent', async () => {
    const messages = sut.app.get(MessagesRepository);
    const step = { status: 'delivered' as const, occurredAt: new Date() };

    expect(await messages.recordStatus(sentTo.ana[0], step)).toBe(false);
    expect(await messages.recordStatus(sentTo.bo[0], step)).toBe(true);

    const rows = (await db.query(`SELECT message_id FROM outbound.message_status WHERE status = 'delivered'`)) as {
      message_id: string;
    }[];
    expect(rows.map((r) => r.message_id)).toEqual([sentTo.bo[0]]);
  });

  it('reports a redelivered request again, with nothing more deleted', async () => {
    const request = anaRequest();
    await publishErasure(sut.app.get(EventPublisher), request);
    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'outbound').length === 1, 30_000, 'first');
    const bo = await stored('bo');

    await publishErasure(sut.app.get(EventPublisher), request);

    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'outbound').length === 2, 30_000, 'second');
    expect(reportsOf(reader, prefix, request.erasureId, 'outbound')[1]).toMatchObject({
      status: 'done',
      deletedRecords: 0,
    });
    expect(await stored('bo')).toEqual(bo);
  });

  it('keeps nothing about a Facebook user by the app-scoped id, and says so', async () => {
    const bo = await stored('bo');
    const request = appUserErasureRequest('218471');

    await publishErasure(sut.app.get(EventPublisher), request);

    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'outbound').length === 1, 30_000, 'report');
    expect(reportsOf(reader, prefix, request.erasureId, 'outbound')[0]).toMatchObject({
      status: 'done',
      deletedRecords: 0,
      detail: NOTHING_KEPT_FOR_APP_USERS,
    });
    expect(await stored('bo')).toEqual(bo);
  });
});
