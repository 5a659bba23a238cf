import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { resolve } from 'node:path';
import { InboundEvent, Topics } from '@app/contracts';
import { loadMetaFixtures, signWebhookBody } from '@app/meta';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { eventually, TopicReader } from '../../integration/gateway/support/topic-reader';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'dist/apps/gateway/src/main.js');
const SECRET = 'e2e-app-secret';
const fixtures = loadMetaFixtures(resolve(ROOT, '../shared/meta-fixtures'));

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

// The gateway as a user starts it: the built main.js, configured only through its environment.
describe('gateway process (built main.js)', () => {
  const prefix = `e2e-gw-${randomBytes(3).toString('hex')}.`;
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  let database: TestDatabase;
  let gateway: ChildProcess;
  let url: string;
  let reader: TopicReader;
  let output = '';

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
    database = await createTestDatabase('gateway_e2e');
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    gateway = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_PREFIX: prefix,
        META_APP_SECRET: SECRET,
        META_VERIFY_TOKEN: 'e2e-verify',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateway.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gateway.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const ready = await fetch(`${url}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (gateway.exitCode !== null) throw new Error(`gateway exited: ${output}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    reader = new TopicReader(brokers, [`${prefix}${Topics.messagingInbound}`]);
    await reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    if (gateway && gateway.exitCode === null) {
      gateway.kill('SIGTERM');
      await new Promise((done) => gateway.once('exit', done));
    }
    await database?.drop();
  });

  it('is ready once PostgreSQL and Kafka answer, and answers the verification handshake', async () => {
    const ready = (await (await fetch(`${url}/health/ready`)).json()) as { checks: Record<string, string> };
    expect(ready.checks).toMatchObject({ database: 'up', kafka: 'up' });
    const handshake = await fetch(
      `${url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=e2e-verify&hub.challenge=777`,
    );
    expect(await handshake.text()).toBe('777');
  });

  it('publishes a signed delivery with non-ASCII text, its key and the request id as correlation id', async () => {
    const fixture = fixtures.find((f) => f.id.startsWith('085'));
    if (!fixture) throw new Error('fixture 085 missing');
    const response = await fetch(`${url}/webhooks/meta`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signWebhookBody(fixture.bytes, SECRET),
        'x-request-id': 'e2e-request-1',
      },
      body: fixture.bytes,
    });
    expect([response.status, await response.text()]).toEqual([200, 'EVENT_RECEIVED']);
    await eventually(() => reader.records.length >= 1, 30_000, 'the inbound record');
    const [record] = reader.records;
    expect(record.key).toBe(fixture.expect.conversations[0]);
    expect(record.headers['x-correlation-id']).toBe('e2e-request-1');
    const event = JSON.parse(record.value.toString()) as InboundEvent;
    expect(event).toMatchObject({ kind: 'message', message: { text: 'Vocês fazem entrega para São Paulo?' } });
  });

  it('refuses a forged delivery with problem details and counts it', async () => {
    const body = Buffer.from('{"object":"page","entry":[]}');
    const response = await fetch(`${url}/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, 'forged') },
      body,
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'forbidden', reason: 'mismatch' });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/parley_gateway_signature_failures_total\{reason="mismatch"[^}]*\} 1/);
    expect(metrics).toMatch(/parley_gateway_events_total\{channel="instagram",kind="message"[^}]*\} 1/);
  });

  it('stops cleanly on SIGTERM', async () => {
    gateway.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => gateway.once('exit', done));
    expect(code).toBe(0);
  });
});
