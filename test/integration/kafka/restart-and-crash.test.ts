import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForLeaders } from '@app/kafka';
import { freePort, LocalKafka, startLocalKafka } from '@app/kafka-local';
import { Kafka, KafkaMessage, logLevel, Partitioners } from 'kafkajs';
import { waitFor } from './support';

jest.setTimeout(120_000);

/** This file runs its own Kafka: it stops and kills it, which the shared one must never see. */
describe('the local Kafka across restarts and crashes', () => {
  let dataDir: string;
  let port: number;
  let kafka: LocalKafka;
  let client: Kafka;

  const start = async () => {
    kafka = await startLocalKafka({ dataDir, port, tuning: 'test', heapMb: 384 });
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-it-kafka-crash-'));
    port = await freePort();
    await start();
    client = new Kafka({
      brokers: [kafka.brokers],
      clientId: 'parley-it-crash',
      logLevel: logLevel.NOTHING,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
    });
  });

  afterAll(async () => {
    await kafka?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function createTopic(topic: string, numPartitions: number): Promise<void> {
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: false });
    await waitForLeaders(admin, [topic]);
    await admin.disconnect();
  }

  async function readAll(
    topic: string,
    count: number,
    groupId = `reader-${Math.random()}`,
  ): Promise<Map<number, KafkaMessage[]>> {
    const byPartition = new Map<number, KafkaMessage[]>();
    let total = 0;
    const consumer = client.consumer({ groupId, maxWaitTimeInMs: 250 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        byPartition.set(partition, [...(byPartition.get(partition) ?? []), message]);
        total++;
      },
    });
    await waitFor(() => total >= count, 30_000, `${count} records of ${topic}`);
    await consumer.disconnect();
    return byPartition;
  }

  it('keeps topics, records and cluster id over a clean restart, and a group resumes from its committed offsets', async () => {
    const topic = 'restart';
    await createTopic(topic, 2);
    const producer = client.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i % 2}`, value: `a${i}` })),
    });
    await producer.disconnect();

    const firstSeen: string[] = [];
    const first = client.consumer({ groupId: 'resumer', maxWaitTimeInMs: 250 });
    await first.connect();
    await first.subscribe({ topic, fromBeginning: true });
    await first.run({ eachMessage: async ({ message }) => void firstSeen.push(String(message.value)) });
    await waitFor(() => firstSeen.length === 10, 30_000, 'the first ten records');
    await first.disconnect();

    const clusterId = kafka.clusterId;
    await kafka.stop();
    await start();
    expect(kafka.clusterId).toBe(clusterId);

    const again = client.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await again.connect();
    await again.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 4 }, (_, i) => ({ key: `k${i % 2}`, value: `b${i}` })),
    });
    await again.disconnect();

    const resumed: string[] = [];
    const second = client.consumer({ groupId: 'resumer', maxWaitTimeInMs: 250 });
    await second.connect();
    await second.subscribe({ topic, fromBeginning: true });
    await second.run({ eachMessage: async ({ message }) => void resumed.push(String(message.value)) });
    await waitFor(() => resumed.length >= 4, 30_000, 'the records produced after the restart');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await second.disconnect();
    expect(resumed.sort()).toEqual(['b0', 'b1', 'b2', 'b3']);

    const everything = await readAll(topic, 14);
    expect([...everything.values()].flat()).toHaveLength(14);
  });

  it('loses no acknowledged record when killed with SIGKILL under acks=all load, and keeps per-partition order', async () => {
    const topic = 'crash';
    const partitions = 3;
    await createTopic(topic, partitions);
    const producer = client.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 300 },
    });
    await producer.connect();

    // Each key's sequence numbers are sent in order; acknowledged ones must all survive, in that order.
    const acknowledged = new Map<string, number[]>();
    let next = 0;
    let running = true;
    const load = (async () => {
      while (running) {
        const seqs = Array.from({ length: 50 }, () => next++);
        const messages = seqs.map((seq) => ({ key: `key-${seq % 6}`, value: String(seq) }));
        try {
          await producer.send({ topic, acks: -1, messages });
        } catch {
          return;
        }
        for (const message of messages) {
          acknowledged.set(message.key, [...(acknowledged.get(message.key) ?? []), Number(message.value)]);
        }
      }
    })();

    await waitFor(() => [...acknowledged.values()].flat().length >= 2000, 30_000, 'a steady produce load');
    await kafka.kill();
    running = false;
    await load;
    await producer.disconnect().catch(() => undefined);
    const acked = [...acknowledged.values()].flat().length;

    await start();
    const stored = await readAll(topic, acked);
    const storedByKey = new Map<string, number[]>();
    for (const messages of stored.values()) {
      for (const message of messages) {
        const key = String(message.key);
        storedByKey.set(key, [...(storedByKey.get(key) ?? []), Number(message.value)]);
      }
    }
    for (const [key, seqs] of acknowledged) {
      const survived = storedByKey.get(key) ?? [];
      expect(survived.slice(0, seqs.length)).toEqual(seqs);
    }
    for (const messages of stored.values()) {
      const offsets = messages.map((message) => Number(message.offset));
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
  });
});
