import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Topics } from '@app/contracts';
import { freePort, LocalKafka, startLocalKafka } from '@app/kafka-local';
import { signWebhookBody } from '@app/meta';
import { APP_SECRET, freshDatabase, GatewayUnderTest, startGateway } from './support/gateway-app';
import { eventually, TopicReader } from './support/topic-reader';

jest.setTimeout(120_000);

// This file stops and restarts a broker, so it runs one of its own instead of the run's shared one.
describe('gateway while Kafka is away', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-gateway-outage-'));
  const prefix = 'it-outage.';
  let port: number;
  let kafka: LocalKafka;
  let gateway: GatewayUnderTest;
  let dropDatabase: () => Promise<void>;

  const delivery = (mid: string): Buffer =>
    Buffer.from(
      JSON.stringify({
        object: 'instagram',
        entry: [
          {
            id: '17840000000000001',
            time: 1_780_000_000_000,
            messaging: [
              {
                sender: { id: '4242' },
                recipient: { id: '17840000000000001' },
                timestamp: 1_780_000_000_000,
                message: { mid, text: 'sent while Kafka was away' },
              },
            ],
          },
        ],
      }),
    );
  const post = (body: Buffer) =>
    fetch(`${gateway.url}/webhooks/meta`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, APP_SECRET) },
      body,
    });

  beforeAll(async () => {
    port = await freePort('127.0.0.1');
    kafka = await startLocalKafka({ dataDir, port, tuning: 'test', heapMb: 384 });
    const database = await freshDatabase('outage');
    dropDatabase = database.drop;
    gateway = await startGateway({ brokers: kafka.brokers, prefix, databaseUrl: database.url, publishTimeoutMs: 2000 });
  });

  afterAll(async () => {
    await gateway?.close();
    await kafka?.stop();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 quickly while Kafka is down, and the redelivery lands once it is back', async () => {
    expect((await post(delivery('aWdf_before'))).status).toBe(200);
    await kafka.stop();

    const started = Date.now();
    const first = await post(delivery('aWdf_during'));
    expect(first.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(4000);
    const again = Date.now();
    expect((await post(delivery('aWdf_during'))).status).toBe(503);
    expect(Date.now() - again).toBeLessThan(500);

    kafka = await startLocalKafka({ dataDir, port, tuning: 'test', heapMb: 384 });
    // Meta keeps redelivering until it gets a 200.
    let status = 0;
    const deadline = Date.now() + 60_000;
    while (status !== 200 && Date.now() < deadline) {
      status = (await post(delivery('aWdf_during'))).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);

    const reader = new TopicReader(kafka.brokers, [`${prefix}${Topics.messagingInbound}`]);
    await reader.start();
    try {
      await eventually(() => reader.records.length >= 2, 30_000, 'both messages');
      const mids = reader.records.map(
        (r) => (JSON.parse(r.value.toString()) as { message: { mid: string } }).message.mid,
      );
      expect(mids).toContain('aWdf_before');
      expect(mids).toContain('aWdf_during');
      expect(new Set(reader.records.map((r) => r.headers.ce_id)).size).toBe(2);
    } finally {
      await reader.stop();
    }
  });
});
