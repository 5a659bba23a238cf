import { randomBytes } from 'node:crypto';
import { InboundEvent, Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { createTestDatabase } from '@app/testing';
import { policyEnforcement } from '../compliance/support/compliance-app';
import { freshDatabase as freshSandboxDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import { CrmClient, waitFor } from './support/crm-client';
import { FaultyGraph } from './support/faulty-graph';
import { CrmTokens, OutboundUnderTest, SeededPageTokens, startOutbound } from './support/outbound-app';
import { ConsumerSettings } from '../../../apps/outbound/src/sending/outbound-consumers';

jest.setTimeout(120_000);

interface MessageBody {
  status: string;
  failure: { reason: string; metaCode: number | null } | null;
  history: { status: string; metaMessageId: string | null }[];
}

interface SandboxThread {
  account: string;
  messages: { mid: string; metadata: string | null }[];
}

// Outbound against the Meta sandbox through a faulty network, with no gateway: no echo ever comes back, so a
// lost answer can only be settled through the Conversations API.
describe('outbound: lost answers and restricted accounts', () => {
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  const prefix = `it-outbound-restrict-${randomBytes(3).toString('hex')}.`;
  const drops: (() => Promise<void>)[] = [];
  let sandbox: SandboxUnderTest;
  let network: FaultyGraph;
  let world: World;
  let outbound: OutboundUnderTest;
  let crm: CrmClient;
  let keys: CrmTokens;
  let startReplica: (topicPrefix: string, sending: boolean) => Promise<OutboundUnderTest>;

  const text = (body: string) => ({
    channel: 'messenger',
    accountId: world.pageId,
    recipientId: world.psid(),
    message: { text: body },
  });
  const settled = (id: string) =>
    waitFor(
      async () => (await crm.message<MessageBody>(id)).body,
      (m) => m.status !== 'accepted',
      30_000,
      `message ${id} settled`,
    );
  const sentCopies = async (id: string): Promise<string[]> => {
    const answer = await world.sandbox<{ threads: SandboxThread[] }>(
      'GET',
      `people/${world.person().id}/messages?direction=outbound`,
    );
    const thread = answer.body.threads.find((t) => t.account === world.pageId);
    return (thread?.messages ?? []).filter((m) => m.metadata === `parley:${id}`).map((m) => m.mid);
  };
  const publishInbound = (events: InboundEvent[]) =>
    outbound.app.get(EventPublisher).publish(
      Topics.messagingInbound,
      events.map((e) => ({ key: e.conversationId, type: 'parley.messaging.inbound.v1', id: e.eventId, data: e })),
    );

  beforeAll(async () => {
    const outboundDb = await createTestDatabase('outbound_it_restrict');
    const sandboxDb = await freshSandboxDatabase('outbound_it_restrict_meta');
    drops.push(outboundDb.drop, sandboxDb.drop);
    sandbox = await startSandbox({ databaseUrl: sandboxDb.url });
    network = await FaultyGraph.start(sandbox.url);
    world = await World.create(
      sandbox.url,
      standardSeed(undefined, {
        people: [
          { key: 'ana', name: 'Ana Souza', username: 'ana.souza' },
          { key: 'bo', name: 'Bo Lima', username: 'bo.lima' },
        ],
      }),
    );
    await world.says('hi Page');
    await world.says('hi Page, Bo here', world.pageId, 'bo');
    keys = await CrmTokens.create();
    const tokens = new SeededPageTokens();
    tokens.add('messenger', world.pageId, world.pageId, world.pageToken());
    outbound = await startOutbound({
      databaseUrl: outboundDb.url,
      brokers,
      prefix,
      graphUrl: network.url,
      appId: world.app.id,
      appSecret: world.app.secret,
      jwk: keys.jwk,
      tokens,
      env: { OUTBOUND_PAUSE_SECONDS: '2' },
    });
    crm = new CrmClient(outbound.url, () => keys.token());
    startReplica = (laneTopicsPrefix: string, sending: boolean) =>
      startOutbound({
        databaseUrl: outboundDb.url,
        brokers,
        prefix: laneTopicsPrefix,
        graphUrl: network.url,
        appId: world.app.id,
        appSecret: world.app.secret,
        jwk: keys.jwk,
        tokens,
        consumers: new ConsumerSettings(8, sending),
      });
  });

  afterAll(async () => {
    await outbound?.close();
    await network?.close();
    await sandbox?.close();
    for (const drop of drops) await drop();
  });

  it('settles a send whose answer was lost (1/1357046) as sent, from the conversation, without sending again', async () => {
    network.storm([{ kind: 'lose-answer', status: 500, error: { code: 1, subcode: 1357046 } }]);
    const accepted = await crm.send<{ id: string }>(text('Your order shipped'));
    expect(accepted.status).toBe(202);
    const message = await settled(accepted.body.id);
    const copies = await sentCopies(accepted.body.id);
    expect(copies).toHaveLength(1);
    expect(message.status).toBe('sent');
    expect(message.history.find((s) => s.status === 'sent')?.metaMessageId).toBe(copies[0]);
  });

  it("sends a Page's other conversation while one waits to settle a lost answer", async () => {
    // One replica only accepts; a second one, started once both are queued, finds them in one batch and
    // sends them side by side: whichever meets the lost answer waits seconds for its settlement alone.
    const topics = `${prefix}lanes.`;
    const accepting = await startReplica(topics, false);
    const client = new CrmClient(accepting.url, () => keys.token());
    network.storm([{ kind: 'lose-answer', status: 500, error: { code: 1, subcode: 1357046 } }]);
    const ids = [
      (await client.send<{ id: string }>(text('Where is my parcel?'))).body.id,
      (await client.send<{ id: string }>({ ...text('Hello Bo'), recipientId: world.psid('bo') })).body.id,
    ];
    const sending = await startReplica(topics, true);
    try {
      const statuses = async () =>
        Promise.all(ids.map(async (id) => (await client.message<MessageBody>(id)).body.status));
      const first = await waitFor(statuses, (s) => s.includes('sent'), 20_000, 'one conversation sent');
      const lost = network.injected.at(-1)?.metadata;
      expect(first).toEqual(ids.map((id) => (lost === `parley:${id}` ? 'accepted' : 'sent')));
      await waitFor(statuses, (s) => s.every((x) => x === 'sent'), 30_000, 'the lost answer settled');
    } finally {
      await sending.close();
      await accepting.close();
    }
  });

  it('sends again, once, when the conversation shows a send with a lost answer never arrived', async () => {
    // A 502 from a proxy: Meta may or may not have sent it. Here it did not.
    network.storm([{ kind: 'refuse', status: 502 }]);
    const accepted = await crm.send<{ id: string }>(text('Your invoice is ready'));
    const message = await settled(accepted.body.id);
    expect(message.status).toBe('sent');
    expect(await sentCopies(accepted.body.id)).toHaveLength(1);
    expect(network.injected.filter((f) => f.metadata === `parley:${accepted.body.id}`)).toHaveLength(1);
  });

  it('pauses the Page after error 368, refuses sends while paused, and lets a probe through after the pause', async () => {
    network.storm([{ kind: 'refuse', status: 400, error: { code: 368 } }]);
    const restricted = await crm.send<{ id: string }>(text('first'));
    expect(await settled(restricted.body.id)).toMatchObject({ status: 'failed', failure: { metaCode: 368 } });

    const refused = await crm.send<{ reason: string; pausedUntil: string }>(text('second'));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ reason: 'account_paused' });
    expect(Date.parse(refused.body.pausedUntil)).toBeGreaterThan(Date.now());

    await new Promise((resolve) => setTimeout(resolve, Date.parse(refused.body.pausedUntil) - Date.now() + 100));
    const probe = await crm.send<{ id: string }>(text('third'));
    expect(probe.status).toBe(202);
    expect((await settled(probe.body.id)).status).toBe('sent');
  });

  it("pauses the Page on Meta's policy block and lifts the pause on the unblock", async () => {
    await publishInbound([policyEnforcement(world.pageId, 'block', new Date().toISOString())]);
    await waitFor(
      async () => (await crm.send(text('while blocked'))).status,
      (status) => status === 422,
      20_000,
      'the block to pause the Page',
    );
    await publishInbound([policyEnforcement(world.pageId, 'unblock', new Date().toISOString())]);
    const accepted = await waitFor(
      () => crm.send<{ id: string }>(text('after unblock')),
      (answer) => answer.status === 202,
      20_000,
      'the unblock to lift the pause',
    );
    expect((await settled(accepted.body.id)).status).toBe('sent');
  });
});
