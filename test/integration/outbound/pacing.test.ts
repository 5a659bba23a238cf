import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@app/testing';
import { freshDatabase as freshSandboxDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import { CrmClient, waitFor } from './support/crm-client';
import {
  CrmTokens,
  OutboundUnderTest,
  ScriptedDecisions,
  SeededPageTokens,
  startOutbound,
} from './support/outbound-app';

jest.setTimeout(120_000);

interface SandboxThread {
  account: string;
  messages: { createdAt: string; metadata: string | null }[];
}

/** The most calls any one-second window holds. */
function busiestSecond(times: number[]): number {
  return Math.max(0, ...times.map((t) => times.filter((s) => s >= t && s < t + 1000).length));
}

// Two outbound replicas against one Meta sandbox: Messenger limited just above the pace outbound keeps (so no call is
// ever refused), Instagram limited below it (so Meta refuses with 613 and outbound backs off and retries).
describe('outbound pacing and retries across two replicas', () => {
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  const prefix = `it-outbound-pace-${randomBytes(3).toString('hex')}.`;
  const drops: (() => Promise<void>)[] = [];
  const replicas: OutboundUnderTest[] = [];
  let sandbox: SandboxUnderTest;
  let world: World;
  let crm: CrmClient;

  const thread = async (account: string): Promise<SandboxThread> => {
    const answer = await world.sandbox<{ threads: SandboxThread[] }>(
      'GET',
      `people/${world.person().id}/messages?direction=outbound`,
    );
    return answer.body.threads.find((t) => t.account === account) ?? { account, messages: [] };
  };
  const allSettled = (ids: string[]) =>
    waitFor(
      async () => Promise.all(ids.map(async (id) => (await crm.message<{ status: string }>(id)).body.status)),
      (statuses) => statuses.every((s) => s !== 'accepted'),
      60_000,
      'every message settled',
    );
  async function burst(body: (i: number) => Record<string, unknown>, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const answer = await crm.send<{ id: string }>(body(i));
      expect(answer.status).toBe(202);
      ids.push(answer.body.id);
    }
    return ids;
  }

  beforeAll(async () => {
    const outboundDb = await createTestDatabase('outbound_it_pace');
    const sandboxDb = await freshSandboxDatabase('outbound_it_pace_meta');
    drops.push(outboundDb.drop, sandboxDb.drop);
    sandbox = await startSandbox({
      databaseUrl: sandboxDb.url,
      limits: {
        messengerSend: { limit: 20, windowMs: 1000 },
        instagramSend: { limit: 4, windowMs: 1000 },
        businessUseCase: { limit: 1_000_000, windowMs: 86_400_000 },
      },
    });
    world = await World.create(sandbox.url, standardSeed(undefined));
    await world.says('hi Page');
    await world.says('hi Instagram', world.igId);
    const keys = await CrmTokens.create();
    const tokens = new SeededPageTokens();
    tokens.add('messenger', world.pageId, world.pageId, world.pageToken());
    tokens.add('instagram', world.igId, world.pageId, world.pageToken());
    const decisions = new ScriptedDecisions();
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startOutbound({
          databaseUrl: outboundDb.url,
          brokers,
          prefix,
          graphUrl: sandbox.url,
          appId: world.app.id,
          appSecret: world.app.secret,
          jwk: keys.jwk,
          tokens,
          decisions,
          // Paced a little below Meta's 20/s, as in production (35/s against 40/s): the sandbox stores each
          // message a few ms after the send, and that jitter must not read as a breach of Meta's limit.
          env: { OUTBOUND_ACCOUNT_PER_SECOND: '18', OUTBOUND_INSTAGRAM_TEXT_PER_SECOND: '18' },
        }),
      );
    }
    crm = new CrmClient(replicas[0].url, () => keys.token());
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await sandbox?.close();
    for (const drop of drops) await drop();
  });

  it('keeps a burst to one Page within its limit in every second, sends each once, in order', async () => {
    const ids = await burst(
      (i) => ({ channel: 'messenger', accountId: world.pageId, recipientId: world.psid(), message: { text: `m${i}` } }),
      70,
    );
    const statuses = await allSettled(ids);
    expect(new Set(statuses)).toEqual(new Set(['sent']));
    const sent = (await thread(world.pageId)).messages.filter((m) => m.metadata?.startsWith('parley:'));
    expect(sent.map((m) => m.metadata)).toEqual(ids.map((id) => `parley:${id}`));
    expect(busiestSecond(sent.map((m) => Date.parse(m.createdAt)))).toBeLessThanOrEqual(20);
  });

  it('backs off through a storm of 613 refusals and still sends each message once, in order', async () => {
    const ids = await burst(
      (i) => ({ channel: 'instagram', accountId: world.igId, recipientId: world.igsid(), message: { text: `ig${i}` } }),
      16,
    );
    const statuses = await allSettled(ids);
    expect(new Set(statuses)).toEqual(new Set(['sent']));
    const sent = (await thread(world.igId)).messages.filter((m) => m.metadata?.startsWith('parley:'));
    expect(sent.map((m) => m.metadata)).toEqual(ids.map((id) => `parley:${id}`));
  });
});
