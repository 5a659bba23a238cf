import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { SandboxMetrics } from '../../../apps/meta-sandbox/src/common/sandbox-metrics';
import { arr, Json, str } from './support/graph-client';
import { eventually, WebhookReceiver } from './support/receiver';
import { freshDatabase, SandboxUnderTest, startSandbox } from './support/sandbox';
import { standardSeed, World } from './support/world';

jest.setTimeout(30_000);

const RETRY = { immediateRetries: 2, immediateDelayMs: 40, baseDelayMs: 80, maxDelayMs: 160, horizonMs: 1200 };

describe('webhook delivery: retries, duplicates, reordering, durability (real HTTP and PostgreSQL)', () => {
  let sandbox: SandboxUnderTest;
  let receiver: WebhookReceiver;
  let database: { url: string; drop(): Promise<void> };
  let world: World;

  beforeAll(async () => {
    database = await freshDatabase('sandbox_delivery');
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({ databaseUrl: database.url, delivery: { retry: RETRY, disableAfterMs: 600 } });
  });

  beforeEach(async () => {
    receiver.clear();
    world = await World.create(sandbox.url, standardSeed(receiver.url));
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.stop();
    await database?.drop();
  });

  const mine = () => receiver.received.filter((d) => d.body.entry.some((e) => e.id === world.pageId));
  const deliveries = async (status?: string) =>
    arr(
      (await world.sandbox<Json>('GET', `deliveries?appId=${world.app.id}${status ? `&status=${status}` : ''}`)).body
        .data,
    );

  it('retries a failing endpoint with the same bytes and signature, backing off, until it answers 2xx', async () => {
    receiver.script = [500, 503, 404];
    await world.says('hello');

    await eventually(() => mine().length === 4, 5000);
    const received = mine();
    expect(new Set(received.map((d) => d.raw.toString('hex'))).size).toBe(1);
    expect(new Set(received.map((d) => d.headers['x-hub-signature-256'])).size).toBe(1);
    expect(received[0].headers['x-hub-signature-256']).toBe(
      'sha256=' + createHmac('sha256', world.app.secret).update(received[0].raw).digest('hex'),
    );
    const gaps = received.slice(1).map((d, i) => d.at - received[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY.immediateDelayMs - 5);
    expect(gaps[2]).toBeGreaterThanOrEqual(RETRY.baseDelayMs - 5);

    const [delivery] = await eventually(async () => {
      const list = await deliveries('delivered');
      if (list.length === 0) throw new Error('no such delivery yet');
      return list;
    });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 4, outcome: null });
    expect(arr(delivery.history).map((h) => h.httpStatus)).toEqual([500, 503, 404, 200]);
    const metrics = await sandbox.app
      .get(SandboxMetrics)
      .registry.getSingleMetricAsString('parley_meta_sandbox_webhook_attempts_total');
    expect(metrics).toMatch(/outcome="failed"} [3-9]/);
    expect(delivery.payload).toEqual(received[0].body);
  });

  it('records network errors and drops the delivery after the retry horizon; the app gets unsubscribed', async () => {
    const port = await closedPort();
    await world.sandbox('PATCH', `apps/${world.app.id}`, { callbackUrl: `http://127.0.0.1:${port}/webhooks` });
    await world.says('anyone?');

    const [dropped] = await eventually(async () => {
      const list = await deliveries('dropped');
      if (list.length === 0) throw new Error('no such delivery yet');
      return list;
    }, 6000);
    expect(arr(dropped.history)[0].error).toBe('ECONNREFUSED');
    expect(str(dropped.outcome)).toMatch(/^(webhooks disabled|dropped)/);
    const all = await deliveries();
    expect(all.some((d) => str(d.outcome).startsWith('webhooks disabled'))).toBe(true);
    const subscribed = await world.graph.get<Json>(`${world.pageId}/subscribed_apps`, {
      access_token: world.pageToken(),
    });
    expect(subscribed.body.data).toEqual([]);
  });

  it('delivers each POST twice when duplicates are switched on', async () => {
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { duplicateRate: 1 });
    await world.says('once');

    await eventually(() => mine().length === 2);
    const [first, second] = mine();
    expect(second.raw.equals(first.raw)).toBe(true);
    expect(second.headers['x-hub-signature-256']).toBe(first.headers['x-hub-signature-256']);
    // A duplicate is not duplicated again.
    await new Promise((r) => setTimeout(r, 150));
    const list = await deliveries();
    expect(list.map((d) => d.duplicateOf === null)).toEqual([false, true]);
    expect(mine()).toHaveLength(2);
  });

  it('reorders on purpose: newest event first, each alone', async () => {
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { reorder: true, paused: true });
    const first = await world.says('first');
    const second = await world.says('second');
    await world.sandbox('POST', 'deliveries/flush');

    expect(mine().map((d) => d.body.entry[0].messaging?.map((m) => (m.message as Json).mid))).toEqual([
      [second.body.mid],
      [first.body.mid],
    ]);
  });

  it('keeps queued events across a restart and delivers them afterwards', async () => {
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { paused: true });
    const sent = await world.says('survives a restart');
    await sandbox.close();
    sandbox = await startSandbox({ databaseUrl: database.url, delivery: { retry: RETRY, disableAfterMs: 600 } });
    world = new World(sandbox.url, world.seed);

    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { paused: false });

    await eventually(() => mine().length === 1);
    expect(mine()[0].body.entry[0].messaging?.[0].message).toEqual({ mid: sent.body.mid, text: 'survives a restart' });
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
