import { Admin, Consumer, EachMessagePayload, Partitioners, Producer } from 'kafkajs';
import { waitForLeaders } from '@app/kafka';
import { rawKafka, uniquePrefix, waitFor } from './support';

jest.setTimeout(60_000);

const prefix = uniquePrefix('kafkajs');
const kafka = rawKafka();

describe('kafkajs against the local Apache Kafka', () => {
  let admin: Admin;
  const closeLater: Array<{ disconnect(): Promise<void> }> = [];

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.allSettled(closeLater.map((client) => client.disconnect()));
    await admin.disconnect();
  });

  /** kafkajs' own leader wait trips over KRaft's brief UNKNOWN_TOPIC_OR_PARTITION after a create. */
  async function createTopic(topic: string, numPartitions: number): Promise<void> {
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: false });
    await waitForLeaders(admin, [topic]);
  }

  async function producer(apiCalls: string[] = []): Promise<Producer> {
    const sut = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    sut.on(sut.events.REQUEST, (event) => apiCalls.push(event.payload.apiName));
    await sut.connect();
    closeLater.push(sut);
    return sut;
  }

  describe('admin', () => {
    it('creates, lists and describes topics and the cluster', async () => {
      const topic = `${prefix}admin`;
      await expect(
        admin.createTopics({
          topics: [{ topic, numPartitions: 4, configEntries: [{ name: 'retention.ms', value: '3600000' }] }],
          waitForLeaders: false,
        }),
      ).resolves.toBe(true);
      await waitForLeaders(admin, [topic]);
      await expect(admin.createTopics({ topics: [{ topic, numPartitions: 4 }] })).resolves.toBe(false);

      expect(await admin.listTopics()).toContain(topic);
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0].partitions).toHaveLength(4);
      const configs = await admin.describeConfigs({
        resources: [{ type: 2, name: topic, configNames: ['retention.ms'] }],
        includeSynonyms: false,
      });
      expect(configs.resources[0].configEntries[0]).toMatchObject({
        configName: 'retention.ms',
        configValue: '3600000',
      });
      const cluster = await admin.describeCluster();
      expect(cluster.brokers).toHaveLength(1);
      expect(cluster.controller).toBe(cluster.brokers[0].nodeId);
    });

    it('refuses to create topics implicitly', async () => {
      const sut = kafka.producer({ allowAutoTopicCreation: true, retry: { retries: 1 } });
      await sut.connect();
      closeLater.push(sut);
      await expect(sut.send({ topic: `${prefix}never-created`, messages: [{ value: 'x' }] })).rejects.toThrow();
      expect(await admin.listTopics()).not.toContain(`${prefix}never-created`);
    });
  });

  describe('idempotent producer', () => {
    it('writes keyed records with headers, acks=all, in order per key', async () => {
      const topic = `${prefix}produce`;
      await createTopic(topic, 3);
      const apiCalls: string[] = [];
      const sut = await producer(apiCalls);

      const messages = Array.from({ length: 30 }, (_, index) => ({
        key: `conversation-${index % 5}`,
        value: JSON.stringify({ seq: index }),
        headers: { ce_id: `evt-${index}`, ce_type: 'parley.test.v1' },
      }));
      const acknowledged = await sut.send({ topic, acks: -1, messages });
      expect(acknowledged.every((metadata) => metadata.errorCode === 0)).toBe(true);
      expect(apiCalls).toContain('InitProducerId');

      const received: EachMessagePayload[] = [];
      const consumer = kafka.consumer({ groupId: `${prefix}produce-reader`, maxWaitTimeInMs: 250 });
      closeLater.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async (payload) => void received.push(payload) });
      await waitFor(() => received.length === 30, 20_000, '30 records');

      const partitionOfKey = new Map<string, number>();
      const seqsOfKey = new Map<string, number[]>();
      for (const { message, partition } of received) {
        const key = String(message.key);
        expect(partitionOfKey.get(key) ?? partition).toBe(partition);
        partitionOfKey.set(key, partition);
        seqsOfKey.set(key, [...(seqsOfKey.get(key) ?? []), (JSON.parse(String(message.value)) as { seq: number }).seq]);
        expect(String(message.headers?.ce_type)).toBe('parley.test.v1');
      }
      for (const seqs of seqsOfKey.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(received.map(({ message }) => String(message.headers?.ce_id))).size).toBe(30);
    });
  });

  describe('consumer group', () => {
    it('shares partitions between two members, rebalances when one leaves, and covers every record once', async () => {
      const topic = `${prefix}group`;
      const groupId = `${prefix}group-members`;
      await createTopic(topic, 6);
      const seen = new Map<string, string[]>();
      const assignment = new Map<string, number>();

      async function member(name: string): Promise<Consumer> {
        // A short fetch wait lets members notice a rebalance quickly instead of after a 5 s long poll.
        const consumer = kafka.consumer({
          groupId,
          sessionTimeout: 10_000,
          heartbeatInterval: 500,
          maxWaitTimeInMs: 250,
        });
        closeLater.push(consumer);
        consumer.on(consumer.events.GROUP_JOIN, (event) => {
          assignment.set(name, Object.values(event.payload.memberAssignment).flat().length);
        });
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ partition, message }) => {
            const coordinate = `${partition}@${message.offset}`;
            seen.set(coordinate, [...(seen.get(coordinate) ?? []), name]);
          },
        });
        return consumer;
      }

      const first = await member('first');
      const second = await member('second');
      await waitFor(() => assignment.get('first') === 3 && assignment.get('second') === 3, 30_000, 'a 3/3 split');

      const sut = await producer();
      const batch = (from: number) =>
        Array.from({ length: 150 }, (_, index) => ({ key: `k-${from + index}`, value: String(from + index) }));
      await sut.send({ topic, acks: -1, messages: batch(0) });
      await waitFor(() => seen.size === 150, 20_000, 'the first 150 records');
      const handledBySecond = [...seen.values()].filter((names) => names.includes('second')).length;
      expect(handledBySecond).toBeGreaterThan(0);

      await second.disconnect();
      await waitFor(() => assignment.get('first') === 6, 30_000, 'the remaining member to own all 6 partitions');
      await sut.send({ topic, acks: -1, messages: batch(150) });
      await waitFor(() => seen.size === 300, 20_000, 'all 300 records');
      await first.disconnect();

      const duplicates = [...seen].filter(([, names]) => names.length > 1);
      expect(duplicates).toEqual([]);
      const secondPartitions = new Set(
        [...seen].filter(([, names]) => names[0] === 'second').map(([coordinate]) => coordinate.split('@')[0]),
      );
      const takenOver = [...seen].filter(
        ([coordinate, names]) => names[0] === 'first' && secondPartitions.has(coordinate.split('@')[0]),
      );
      expect(takenOver.length).toBeGreaterThan(0);
    });
  });
});
