import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@app/testing';
import {
  APP_SECRET,
  GatewayUnderTest,
  startGateway,
  VERIFY_TOKEN,
} from '../../integration/gateway/support/gateway-app';
import {
  freshDatabase as freshSandboxDatabase,
  SandboxUnderTest,
  startSandbox,
} from '../../integration/meta-sandbox/support/sandbox';
import { standardSeed, World } from '../../integration/meta-sandbox/support/world';
import { CrmClient, waitFor } from '../../integration/outbound/support/crm-client';
import { FaultyGraph } from '../../integration/outbound/support/faulty-graph';
import { AUDIENCE, CrmTokens, ISSUER, TENANT } from '../../integration/outbound/support/outbound-app';
import { builtEntry, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';
import { PeerStandIns } from './support/peer-stand-ins';

jest.setTimeout(180_000);

interface Replica {
  url: string;
  graph: FaultyGraph;
  process: RunningProcess;
}
interface SandboxThread {
  account: string;
  messages: { mid: string; metadata: string | null }[];
}
interface MessageView {
  id: string;
  status: string;
  metaMessageId: string | null;
}

const PEOPLE = ['p0', 'p1', 'p2'];
const PER_PERSON = 6;
/** The send that is in flight when its replica dies: Meta sends it, its answer never comes back. */
const SENDS_BEFORE_CRASH = 7;

// Two outbound replicas as processes (the built main.js), each reaching the Meta sandbox through its own faulty
// network; the one sending for the Page is killed (SIGKILL) while a send is in flight and earlier offsets may be
// uncommitted. The other takes the Page's partition over.
describe('outbound replica killed mid-send', () => {
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  const prefix = `e2e-outbound-crash-${randomBytes(3).toString('hex')}.`;
  const drops: (() => Promise<void>)[] = [];
  const replicas: Replica[] = [];
  let gateway: GatewayUnderTest;
  let sandbox: SandboxUnderTest;
  let peers: PeerStandIns;
  let world: World;
  let keys: CrmTokens;

  const received = async (person: string) => {
    const answer = await world.sandbox<{ threads: SandboxThread[] }>(
      'GET',
      `people/${world.person(person).id}/messages?direction=outbound&account=${world.pageId}`,
    );
    const thread = answer.body.threads.find((t) => t.account === world.pageId);
    return thread?.messages.filter((m) => m.metadata?.startsWith('parley:')) ?? [];
  };
  const crmOf = (replica: Replica) => new CrmClient(replica.url, () => keys.token());
  const text = (person: string, body: string) => ({
    channel: 'messenger',
    accountId: world.pageId,
    recipientId: world.psid(person),
    message: { text: body },
  });

  beforeAll(async () => {
    const gatewayDb = await createTestDatabase('outbound_e2e_crash_gw');
    const outboundDb = await createTestDatabase('outbound_e2e_crash');
    const sandboxDb = await freshSandboxDatabase('outbound_e2e_crash_meta');
    drops.push(gatewayDb.drop, outboundDb.drop, sandboxDb.drop);
    // The gateway brings the echo that can settle the send the dead replica never heard back from.
    gateway = await startGateway({ brokers, prefix, databaseUrl: gatewayDb.url });
    sandbox = await startSandbox({ databaseUrl: sandboxDb.url });
    const callbackUrl = `${gateway.url}/webhooks/meta`;
    world = await World.create(
      sandbox.url,
      standardSeed(callbackUrl, {
        app: { key: 'app', callbackUrl, secret: APP_SECRET, verifyToken: VERIFY_TOKEN },
        people: PEOPLE.map((key) => ({ key, name: `Person ${key}` })),
      }),
    );
    for (const person of PEOPLE) await world.says('hi', world.pageId, person);
    keys = await CrmTokens.create();
    peers = await PeerStandIns.start(keys.jwk, [
      { pageId: world.pageId, instagramId: world.igId, accessToken: world.pageToken(), tenantId: TENANT },
    ]);
    for (let i = 0; i < 2; i++) {
      const graph = await FaultyGraph.start(sandbox.url);
      const port = await freePort();
      const running = startProcess(builtEntry('apps/outbound/src/main.js'), {
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        DATABASE_URL: outboundDb.url,
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_PREFIX: prefix,
        META_GRAPH_URL: graph.url,
        META_APP_ID: world.app.id,
        META_APP_SECRET: APP_SECRET,
        // Longer than the test waits: the send in flight stays in flight until the process dies.
        META_TIMEOUT_MS: '120000',
        INTERNAL_API_TOKEN: 'x'.repeat(32),
        TOKENS_URL: peers.url,
        COMPLIANCE_URL: peers.url,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        OUTBOUND_RETRY_BASE_MS: '50',
      });
      const replica = { url: `http://127.0.0.1:${port}`, graph, process: running };
      replicas.push(replica);
      await waitForReady(replica.url, running, 60_000);
    }
  });

  afterAll(async () => {
    for (const { process } of replicas) process.child.kill('SIGTERM');
    await Promise.all(replicas.map(({ process }) => process.exited));
    for (const { graph } of replicas) await graph.close();
    await peers?.close();
    await sandbox?.close();
    await gateway?.close();
    for (const drop of drops) await drop();
  });

  it('loses nothing and sends nothing twice: the survivor settles the send in flight without sending it again', async () => {
    // Both replicas are in the group and a message of each conversation went out before the crash is staged.
    const warmUp = await Promise.all(
      PEOPLE.map(
        async (person, i) => (await crmOf(replicas[i % 2]).send<{ id: string }>(text(person, 'warm-up'))).body,
      ),
    );
    await waitFor(
      () => Promise.all(warmUp.map(async ({ id }) => (await crmOf(replicas[0]).message<MessageView>(id)).body)),
      (views) => views.every((v) => v.status === 'sent'),
      60_000,
      'warm-up sent',
    );
    // Echoes are held back until the survivor has dealt with the send in flight, so a blind re-send would reach Meta
    // before its echo could settle it.
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { paused: true });
    for (const { graph } of replicas)
      graph.storm([...Array<null>(SENDS_BEFORE_CRASH - 1).fill(null), { kind: 'hang' }]);

    const accepted = new Map<string, string[]>(PEOPLE.map((p) => [p, []]));
    await Promise.all(
      PEOPLE.map(async (person, i) => {
        for (let n = 0; n < PER_PERSON; n++) {
          const answer = await crmOf(replicas[i % 2]).send<{ id: string }>(text(person, `${person}-${n}`));
          expect(answer.status).toBe(202);
          accepted.get(person)!.push(answer.body.id);
        }
      }),
    );
    const victim = await waitFor(
      async () => replicas.find((r) => r.graph.injected.some((i) => i.fault.kind === 'hang')),
      (found) => found !== undefined,
      60_000,
      'a send in flight',
    );
    const inFlight = victim!.graph.injected.find((i) => i.fault.kind === 'hang')!.metadata;
    victim!.process.child.kill('SIGKILL');
    await victim!.process.exited;
    const survivor = replicas.find((r) => r !== victim)!;
    survivor.graph.calm();
    // The partition's records are handled in order: the survivor's first send comes after the one in flight.
    const callsBefore = survivor.graph.sendCalls;
    await waitFor(
      async () => survivor.graph.sendCalls,
      (calls) => calls > callsBefore,
      90_000,
      'the survivor sending for the Page',
    );
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { paused: false });

    const crm = crmOf(survivor);
    const ids = [...accepted.values()].flat();
    const views = await waitFor(
      () => Promise.all(ids.map(async (id) => (await crm.message<MessageView>(id)).body)),
      (all) => all.every((v) => v.status === 'sent'),
      120_000,
      'every message sent after the crash',
      1000,
    );
    const mids = new Map<string | null, string>();
    for (const person of PEOPLE) {
      const messages = (await received(person)).filter((m) => !warmUp.some((w) => m.metadata === `parley:${w.id}`));
      expect(messages.map((m) => m.metadata)).toEqual(accepted.get(person)!.map((id) => `parley:${id}`));
      for (const m of messages) mids.set(m.metadata, m.mid);
    }
    expect(ids.map((id) => `parley:${id}`)).toContain(inFlight);
    for (const view of views) expect(view.metaMessageId).toBe(mids.get(`parley:${view.id}`));
  });
});
