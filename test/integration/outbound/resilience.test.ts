import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@app/testing';
import { Kafka, logLevel } from 'kafkajs';
import { APP_SECRET, GatewayUnderTest, startGateway, VERIFY_TOKEN } from '../gateway/support/gateway-app';
import { freshDatabase as freshSandboxDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import { CrmClient, waitFor } from './support/crm-client';
import { FaultyGraph, SendFault } from './support/faulty-graph';
import { CrmTokens, OutboundUnderTest, SeededPageTokens, startOutbound } from './support/outbound-app';

jest.setTimeout(180_000);

interface SandboxThread {
  account: string;
  messages: { mid: string; metadata: string | null }[];
}
interface ListedMessage {
  id: string;
  status: string;
  metaMessageId: string | null;
}

const PEOPLE = Array.from({ length: 8 }, (_, i) => `p${i}`);

/** What the Meta sandbox received from the Page, per person, oldest first: Parley's ids from `metadata`. */
async function receivedByPerson(world: World, people: string[]): Promise<Map<string, SandboxThread['messages']>> {
  const received = new Map<string, SandboxThread['messages']>();
  for (const person of people) {
    const answer = await world.sandbox<{ threads: SandboxThread[] }>(
      'GET',
      `people/${world.person(person).id}/messages?direction=outbound&account=${world.pageId}`,
    );
    const thread = answer.body.threads.find((t) => t.account === world.pageId);
    received.set(person, thread?.messages.filter((m) => m.metadata?.startsWith('parley:')) ?? []);
  }
  return received;
}

/**
 * Accepts `perPerson` texts for each person, spread over the replicas: one after the other within a conversation
 * (so its order is the order of the 202s), all conversations at once.
 */
async function acceptConversations(
  crms: CrmClient[],
  world: World,
  people: string[],
  perPerson: number,
): Promise<Map<string, string[]>> {
  const accepted = new Map<string, string[]>();
  await Promise.all(
    people.map(async (person, index) => {
      const crm = crms[index % crms.length];
      const ids: string[] = [];
      accepted.set(person, ids);
      for (let i = 0; i < perPerson; i++) {
        const answer = await crm.send<{ id: string }>({
          channel: 'messenger',
          accountId: world.pageId,
          recipientId: world.psid(person),
          message: { text: `${person}-${i}` },
        });
        if (answer.status !== 202) throw new Error(`message ${person}-${i} not accepted: ${JSON.stringify(answer)}`);
        ids.push(answer.body.id);
      }
    }),
  );
  return accepted;
}

/** The statuses outbound reports for a conversation's messages, oldest first. */
async function statusesOf(crm: CrmClient, conversationId: string): Promise<ListedMessage[]> {
  const all: ListedMessage[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `conversationId=${encodeURIComponent(conversationId)}&limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const page: { body: { data: ListedMessage[]; nextCursor: string | null } } = await crm.request(
      'GET',
      `/v1/messages?${query}`,
    );
    all.push(...page.body.data);
    cursor = page.body.nextCursor;
  } while (cursor);
  return all;
}

/** Waits until every replica is in the sender group: a partition handed over mid-burst takes no pacing history along. */
async function senderGroupSettled(brokers: string, prefix: string, members: number): Promise<void> {
  const admin = new Kafka({
    clientId: 'it-group-watch',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await waitFor(
      async () => (await admin.describeGroups([`${prefix}outbound-sender`])).groups[0],
      (group) => group.state === 'Stable' && group.members.length === members,
      60_000,
      'both replicas in the sender group',
      500,
    );
  } finally {
    await admin.disconnect();
  }
}

function conversationOf(world: World, person: string): string {
  return `messenger:${world.pageId}:${world.psid(person)}`;
}

describe('outbound under a burst of 2 000 messages to one Page', () => {
  // A Page that sends more than 40 messages a second loses its inbox (meta-platform.md §7.3): the Meta sandbox counts
  // the Page's sends per one-second window and refuses (613) past that limit. Outbound keeps its default pace, 35/s,
  // the headroom absorbing the few ms between its start of a call and Meta's count of it.
  const PAGE_LIMIT = 40;
  const PER_PERSON = 250;
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  const prefix = `it-outbound-burst-${randomBytes(3).toString('hex')}.`;
  const drops: (() => Promise<void>)[] = [];
  const replicas: OutboundUnderTest[] = [];
  let sandbox: SandboxUnderTest;
  // Sees the sandbox's answer to every send: a 613 is its counter refusing a call past the limit.
  let graph: FaultyGraph;
  let world: World;
  let crms: CrmClient[];

  beforeAll(async () => {
    const outboundDb = await createTestDatabase('outbound_it_burst');
    const sandboxDb = await freshSandboxDatabase('outbound_it_burst_meta');
    drops.push(outboundDb.drop, sandboxDb.drop);
    sandbox = await startSandbox({
      databaseUrl: sandboxDb.url,
      limits: {
        messengerSend: { limit: PAGE_LIMIT, windowMs: 1000 },
        businessUseCase: { limit: 1_000_000, windowMs: 86_400_000 },
      },
    });
    graph = await FaultyGraph.start(sandbox.url);
    world = await World.create(
      sandbox.url,
      standardSeed(undefined, { people: PEOPLE.map((key) => ({ key, name: `Person ${key}` })) }),
    );
    for (const person of PEOPLE) await world.says('hi', world.pageId, person);
    const keys = await CrmTokens.create();
    const tokens = new SeededPageTokens();
    tokens.add('messenger', world.pageId, world.pageId, world.pageToken());
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startOutbound({
          databaseUrl: outboundDb.url,
          brokers,
          prefix,
          graphUrl: graph.url,
          appId: world.app.id,
          appSecret: world.app.secret,
          jwk: keys.jwk,
          tokens,
          env: { DATABASE_POOL_SIZE: '10' },
        }),
      );
    }
    await senderGroupSettled(brokers, prefix, replicas.length);
    crms = replicas.map((replica) => new CrmClient(replica.url, () => keys.token()));
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await graph?.close();
    await sandbox?.close();
    for (const drop of drops) await drop();
  });

  it("stays within the Page's limit by the sandbox's count of its sends, and sends each once, in order", async () => {
    const accepted = await acceptConversations(crms, world, PEOPLE, PER_PERSON);
    const [crm] = crms;

    // Records of one Page are handled one after the other: once each conversation's last message is settled, all are.
    await waitFor(
      () => Promise.all(PEOPLE.map(async (p) => (await crm.message<ListedMessage>(accepted.get(p)!.at(-1)!)).body)),
      (last) => last.every((m) => m.status !== 'accepted'),
      240_000,
      'the last message of every conversation settled',
      1000,
    );
    const received = await receivedByPerson(world, PEOPLE);

    for (const person of PEOPLE) {
      expect(received.get(person)!.map((m) => m.metadata)).toEqual(accepted.get(person)!.map((id) => `parley:${id}`));
    }
    expect(graph.sendCalls).toBe(PEOPLE.length * PER_PERSON);
    expect(graph.metaErrors).toEqual([]);
    for (const person of PEOPLE) {
      const statuses = await statusesOf(crm, conversationOf(world, person));
      expect(statuses.map((m) => m.id)).toEqual(accepted.get(person));
      expect(new Set(statuses.map((m) => m.status))).toEqual(new Set(['sent']));
    }
  });
});

// meta-platform.md §6.2: Meta refused before doing anything (code 1 without subcode, code 2, a bare 500/503): retry.
const REFUSALS: SendFault[] = [
  { kind: 'refuse', status: 500, error: { code: 1 } },
  { kind: 'refuse', status: 503, error: { code: 2, isTransient: true } },
  { kind: 'refuse', status: 503 },
  { kind: 'refuse', status: 500 },
];
// Meta sent the message but its answer was lost (1/1357046, a gateway's 502/504, a dropped connection): the echo or
// the Conversations API settles it, a re-send would be a duplicate.
const LOST_ANSWERS: SendFault[] = [
  { kind: 'lose-answer', status: 500, error: { code: 1, subcode: 1357046 } },
  { kind: 'lose-answer', status: 502 },
  { kind: 'lose-answer', status: 504 },
  { kind: 'reset' },
];

describe('outbound through a storm of 5xx answers', () => {
  const PER_PERSON = 8;
  const people = PEOPLE.slice(0, 3);
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  const prefix = `it-outbound-storm-${randomBytes(3).toString('hex')}.`;
  const drops: (() => Promise<void>)[] = [];
  let gateway: GatewayUnderTest;
  let sandbox: SandboxUnderTest;
  let graph: FaultyGraph;
  let outbound: OutboundUnderTest;
  let world: World;
  let crm: CrmClient;

  beforeAll(async () => {
    const gatewayDb = await createTestDatabase('outbound_it_storm_gw');
    const outboundDb = await createTestDatabase('outbound_it_storm');
    const sandboxDb = await freshSandboxDatabase('outbound_it_storm_meta');
    drops.push(gatewayDb.drop, outboundDb.drop, sandboxDb.drop);
    // The gateway brings the echoes that can settle a send whose answer was lost.
    gateway = await startGateway({ brokers, prefix, databaseUrl: gatewayDb.url });
    sandbox = await startSandbox({ databaseUrl: sandboxDb.url });
    graph = await FaultyGraph.start(sandbox.url);
    const callbackUrl = `${gateway.url}/webhooks/meta`;
    world = await World.create(
      sandbox.url,
      standardSeed(callbackUrl, {
        app: { key: 'app', callbackUrl, secret: APP_SECRET, verifyToken: VERIFY_TOKEN },
        people: people.map((key) => ({ key, name: `Person ${key}` })),
      }),
    );
    for (const person of people) await world.says('hi', world.pageId, person);
    const keys = await CrmTokens.create();
    outbound = await startOutbound({
      databaseUrl: outboundDb.url,
      brokers,
      prefix,
      graphUrl: graph.url,
      appId: world.app.id,
      appSecret: APP_SECRET,
      jwk: keys.jwk,
    });
    outbound.tokens.add('messenger', world.pageId, world.pageId, world.pageToken());
    crm = new CrmClient(outbound.url, () => keys.token());
  });

  afterAll(async () => {
    await outbound?.close();
    await graph?.close();
    await sandbox?.close();
    await gateway?.close();
    for (const drop of drops) await drop();
  });

  it('retries what Meta refused, settles lost answers without sending them again, and ends with every message sent once, in order', async () => {
    // Echoes are held back through the storm, so a blind re-send of a lost answer would reach Meta before any echo.
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { paused: true });
    // Two refusals before each call that gets through, and every fourth call's answer lost after Meta sent it.
    graph.storm(
      LOST_ANSWERS.flatMap((lost, round) => [
        REFUSALS[round % REFUSALS.length],
        REFUSALS[(round + 1) % REFUSALS.length],
        null,
        lost,
      ]),
    );
    const accepted = await acceptConversations([crm], world, people, PER_PERSON);
    const ids = [...accepted.values()].flat();
    await waitFor(
      () => Promise.all(people.map(async (p) => (await crm.message<ListedMessage>(accepted.get(p)!.at(-1)!)).body)),
      (last) => last.every((m) => m.status !== 'accepted'),
      120_000,
      'the last message of every conversation handled',
      500,
    );
    expect(graph.stormOver).toBe(true);
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { paused: false });

    const listed = await waitFor(
      async () => (await Promise.all(people.map((p) => statusesOf(crm, conversationOf(world, p))))).flat(),
      (messages) => messages.length === ids.length && messages.every((m) => m.status === 'sent'),
      30_000,
      'every message sent',
    );
    const received = await receivedByPerson(world, people);
    for (const person of people) {
      expect(received.get(person)!.map((m) => m.metadata)).toEqual(accepted.get(person)!.map((id) => `parley:${id}`));
    }
    const mids = new Map([...received.values()].flat().map((m) => [m.metadata, m.mid]));
    for (const message of listed) expect(message.metaMessageId).toBe(mids.get(`parley:${message.id}`));
    expect(graph.injected.filter((i) => i.fault.kind !== 'refuse')).toHaveLength(LOST_ANSWERS.length);
    expect(graph.injected).toHaveLength(3 * LOST_ANSWERS.length);
  });
});
