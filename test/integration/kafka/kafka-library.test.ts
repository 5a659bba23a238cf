import { Topics, TopicName } from '@app/contracts';
import {
  ConsumedEvent,
  DEAD_LETTER_HEADERS,
  ensureTopics,
  EventConsumer,
  EventConsumerOptions,
  EventPublisher,
  KafkaConnection,
  kafkaConfigFrom,
  KafkaConsumers,
  KafkaHealth,
  KafkaModule,
  PoisonRecordError,
  RetriableError,
  StructuredLogger,
  TopicProvisioningError,
  topicSpecsFor,
  Validation,
  waitForLeaders,
} from '@app/kafka';
import { freePort } from '@app/kafka-local';
import { Test, TestingModule } from '@nestjs/testing';
import { Admin, KafkaMessage } from 'kafkajs';
import { rawKafka, testBrokers, uniquePrefix, waitFor } from './support';

jest.setTimeout(60_000);

const silent: StructuredLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};
const prefix = uniquePrefix('lib');
const config = kafkaConfigFrom({ KAFKA_BROKERS: testBrokers(), KAFKA_TOPIC_PREFIX: prefix });
const topic = Topics.messagingInbound;
const wire = (name: string) => `${prefix}${name}`;

interface Note {
  readonly text: string;
}
const validNote = (value: unknown, _topic?: TopicName): Validation<Note> =>
  typeof value === 'object' && value !== null && typeof (value as Note).text === 'string'
    ? { ok: true, value: value as Note }
    : { ok: false, reason: 'text must be a string' };

describe('libs/kafka against the local Apache Kafka', () => {
  let app: TestingModule;
  let publisher: EventPublisher;
  let consumers: KafkaConsumers;
  let connection: KafkaConnection;
  let admin: Admin;

  beforeAll(async () => {
    app = await Test.createTestingModule({
      imports: [
        KafkaModule.forRoot({
          config,
          source: '/parley/test',
          clientId: 'parley-test',
          provision: [Topics.messagingInbound, Topics.outboundStatus],
          logger: silent,
        }),
      ],
    }).compile();
    await app.init();
    publisher = app.get(EventPublisher);
    consumers = app.get(KafkaConsumers);
    connection = app.get(KafkaConnection);
    admin = rawKafka().admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.disconnect();
    await app.close();
  });

  /** Every record of a wire topic, read by a throwaway group from the beginning. */
  async function readAll(wireTopic: string, count: number): Promise<KafkaMessage[]> {
    const consumer = rawKafka().consumer({ groupId: `${prefix}reader-${Math.random()}`, maxWaitTimeInMs: 250 });
    const messages: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: wireTopic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
    try {
      await waitFor(() => messages.length >= count, 20_000, `${count} records on ${wireTopic}`);
    } finally {
      await consumer.disconnect();
    }
    return messages;
  }

  async function committedOffsets(groupId: string, wireTopic: string): Promise<Map<number, string>> {
    const [offsets] = await admin.fetchOffsets({ groupId: wire(groupId), topics: [wireTopic] });
    return new Map(offsets.partitions.map((partition) => [partition.partition, partition.offset]));
  }

  /** A member of a new group on the shared topic that only looks at the records of its test's key. */
  function consumer(
    key: string,
    overrides: Partial<EventConsumerOptions<Note>> & Pick<EventConsumerOptions<Note>, 'handle' | 'groupId'>,
  ): Promise<EventConsumer<Note>> {
    return consumers.start<Note>({
      topics: [topic],
      validate: (value, from) => validNote(value, from),
      retry: { initialDelayMs: 20, maxDelayMs: 100, maxUnknownAttempts: 3 },
      maxWaitTimeMs: 250,
      ...overrides,
      handle: async (event) => (event.key === key ? overrides.handle(event) : undefined),
    });
  }

  describe('provisioning at startup', () => {
    it('created the owned topics and their dead-letter topics under the prefix', async () => {
      const topics = await admin.listTopics();
      expect(topics).toEqual(
        expect.arrayContaining([
          wire(topic),
          wire(`${topic}.dlq`),
          wire(Topics.outboundStatus),
          wire(`${Topics.outboundStatus}.dlq`),
        ]),
      );
      const metadata = await admin.fetchTopicMetadata({ topics: [wire(topic)] });
      expect(metadata.topics[0].partitions).toHaveLength(12);
    });

    it('is idempotent', async () => {
      await expect(ensureTopics(admin, topicSpecsFor([topic]), { prefix })).resolves.toEqual([]);
    });

    it('refuses an existing topic with fewer partitions than configured', async () => {
      const narrowPrefix = uniquePrefix('narrow');
      await admin.createTopics({
        topics: [{ topic: `${narrowPrefix}${topic}`, numPartitions: 2 }],
        waitForLeaders: false,
      });
      await waitForLeaders(admin, [`${narrowPrefix}${topic}`]);
      await expect(ensureTopics(admin, topicSpecsFor([topic]), { prefix: narrowPrefix })).rejects.toThrow(
        TopicProvisioningError,
      );
      await expect(ensureTopics(admin, topicSpecsFor([topic]), { prefix: narrowPrefix })).rejects.toThrow(
        `${narrowPrefix}${topic} has 2, needs 12`,
      );
    });
  });

  describe('EventPublisher', () => {
    it('publishes keyed JSON records with CloudEvents headers, grouping concurrent calls into few sends', async () => {
      const before = connection.stats();
      await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          publisher.publish(Topics.outboundStatus, [
            {
              key: `messenger:1:${index % 4}`,
              type: 'parley.test.v1',
              id: `evt-${index}`,
              data: { text: `note ${index}` },
              correlationId: `req-${index}`,
              headers: { parley_kind: 'note' },
            },
          ]),
        ),
      );
      const after = connection.stats();
      expect(after.records - before.records).toBe(40);
      expect(after.sends - before.sends).toBeLessThanOrEqual(2);

      const messages = await readAll(wire(Topics.outboundStatus), 40);
      const first = messages.find((message) => String(message.headers?.ce_id) === 'evt-7');
      expect(String(first?.key)).toBe('messenger:1:3');
      expect(JSON.parse(String(first?.value))).toEqual({ text: 'note 7' });
      const headers = Object.fromEntries(
        Object.entries(first?.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      expect(headers).toMatchObject({
        ce_specversion: '1.0',
        ce_id: 'evt-7',
        ce_source: '/parley/test',
        ce_type: 'parley.test.v1',
        ce_subject: 'messenger:1:3',
        'content-type': 'application/json',
        'x-correlation-id': 'req-7',
        parley_kind: 'note',
      });
      expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(Date.parse(headers.ce_time)).not.toBeNaN();
    });

    it('rejects when Kafka refuses the records, and keeps publishing afterwards', async () => {
      const tooLarge = { text: 'x'.repeat(2 * 1024 * 1024) };
      await expect(
        publisher.publish(Topics.outboundStatus, [{ key: 'k', type: 't', id: 'huge', data: tooLarge }]),
      ).rejects.toThrow();
      await expect(
        publisher.publish(Topics.outboundStatus, [{ key: 'k', type: 't', id: 'small', data: { text: 'ok' } }]),
      ).resolves.toBeUndefined();
    });
  });

  describe('EventConsumer', () => {
    const publishNotes = (
      count: number,
      key = 'messenger:9:1',
      data: (index: number) => unknown = (i) => ({ text: `n${i}` }),
    ) =>
      publisher.publish(
        topic,
        Array.from({ length: count }, (_, index) => ({
          key,
          type: 'parley.test.v1',
          id: `n-${key}-${index}`,
          data: data(index),
        })),
      );

    it('hands validated records to the handler in order, with headers, and commits after the handler resolved', async () => {
      const handled: ConsumedEvent<Note>[] = [];
      const key = 'messenger:9:order';
      const sut = await consumer(key, { groupId: 'in-order', handle: async (event) => void handled.push(event) });
      await publishNotes(20, key);
      await waitFor(() => handled.length === 20, 20_000, '20 handled records');
      await consumers.stop(sut);

      expect(handled.map((event) => event.value.text)).toEqual(Array.from({ length: 20 }, (_, index) => `n${index}`));
      expect(handled[0]).toMatchObject({
        topic,
        key: 'messenger:9:order',
        headers: { id: 'n-messenger:9:order-0', source: '/parley/test' },
      });
      const committed = await committedOffsets('in-order', wire(topic));
      expect(committed.get(handled[0].partition)).toBe(String(Number(handled[19].offset) + 1));
    });

    it('sends invalid payloads and poison records to <topic>.dlq with reason, group and coordinates', async () => {
      const handled: string[] = [];
      const key = 'messenger:9:dlq';
      const sut = await consumer(key, {
        groupId: 'dead-letters',
        handle: async (event) => {
          if (event.value.text === 'poison') throw new PoisonRecordError('unknown page');
          handled.push(event.value.text);
        },
      });
      await publisher.publish(topic, [
        { key, type: 't', id: 'ok-1', data: { text: 'fine' } },
        { key, type: 't', id: 'bad-1', data: { text: 42 } },
        { key, type: 't', id: 'bad-2', data: Buffer.from('{not json') },
        { key, type: 't', id: 'poison-1', data: { text: 'poison' } },
        { key, type: 't', id: 'ok-2', data: { text: 'after' } },
      ]);
      await waitFor(() => handled.length === 2, 20_000, 'the good records');
      await consumers.stop(sut);
      expect(handled).toEqual(['fine', 'after']);

      const dead = await readAll(wire(`${topic}.dlq`), 3);
      const byId = new Map(dead.map((message) => [String(message.headers?.ce_id), message]));
      const invalid = byId.get('bad-1');
      expect(String(invalid?.headers?.[DEAD_LETTER_HEADERS.reason])).toBe('invalid payload: text must be a string');
      expect(String(invalid?.headers?.[DEAD_LETTER_HEADERS.consumerGroup])).toBe(wire('dead-letters'));
      expect(String(invalid?.headers?.[DEAD_LETTER_HEADERS.topic])).toBe(wire(topic));
      expect(String(invalid?.headers?.[DEAD_LETTER_HEADERS.offset])).toMatch(/^\d+$/);
      expect(String(invalid?.key)).toBe(key);
      expect(String(invalid?.value)).toBe('{"text":42}');
      expect(String(byId.get('bad-2')?.headers?.[DEAD_LETTER_HEADERS.reason])).toMatch(/^invalid payload: not JSON/);
      expect(String(byId.get('poison-1')?.headers?.[DEAD_LETTER_HEADERS.reason])).toBe(
        'permanent failure: PoisonRecordError: unknown page',
      );
    });

    it('retries transient failures in place, keeping order, and dead-letters a failure of unknown kind after bounded attempts, telling the app', async () => {
      const attempts = new Map<string, number>();
      const handled: string[] = [];
      const gaveUp: string[] = [];
      const key = 'messenger:9:retry';
      const sut = await consumer(key, {
        groupId: 'retries',
        onDeadLetter: async (event, error) => void gaveUp.push(`${event.value.text}: ${(error as Error).name}`),
        handle: async (event) => {
          const count = (attempts.get(event.value.text) ?? 0) + 1;
          attempts.set(event.value.text, count);
          if (event.value.text === 'flaky' && count < 4) throw new RetriableError('database unavailable');
          if (event.value.text === 'bug') throw new TypeError('cannot read properties of undefined');
          handled.push(event.value.text);
        },
      });
      await publisher.publish(topic, [
        { key, type: 't', id: 'r-1', data: { text: 'flaky' } },
        { key, type: 't', id: 'r-2', data: { text: 'bug' } },
        { key, type: 't', id: 'r-3', data: { text: 'last' } },
      ]);
      await waitFor(() => handled.length === 2, 20_000, 'both good records');
      await consumers.stop(sut);

      expect(handled).toEqual(['flaky', 'last']);
      expect(attempts.get('flaky')).toBe(4);
      expect(attempts.get('bug')).toBe(3);
      expect(gaveUp).toEqual(['bug: TypeError']);
      const dead = await readAll(wire(`${topic}.dlq`), 1);
      const bug = dead.find((message) => String(message.headers?.ce_id) === 'r-2');
      expect(String(bug?.headers?.[DEAD_LETTER_HEADERS.reason])).toBe(
        'unknown failure: TypeError: cannot read properties of undefined',
      );
      expect(String(bug?.headers?.[DEAD_LETTER_HEADERS.attempts])).toBe('3');
    });

    it('does not commit a record whose handler never succeeded: a stop mid-retry leaves it for the next member', async () => {
      const key = 'messenger:9:resume';
      const first: string[] = [];
      const sut = await consumer(key, {
        groupId: 'resume',
        retry: { initialDelayMs: 50, maxDelayMs: 50 },
        handle: async (event) => {
          if (event.value.text === 'n2') throw new RetriableError('still down');
          first.push(event.value.text);
        },
      });
      await publishNotes(4, key);
      await waitFor(() => first.length === 2, 20_000, 'the records before the failing one');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await consumers.stop(sut);
      expect(first).toEqual(['n0', 'n1']);

      const second: string[] = [];
      const next = await consumer(key, {
        groupId: 'resume',
        handle: async (event) => void second.push(event.value.text),
      });
      await waitFor(() => second.length === 2, 20_000, 'the remaining records');
      await consumers.stop(next);
      expect(second).toEqual(['n2', 'n3']);
    });
  });

  describe('EventConsumer with lanes', () => {
    it('handles the lanes of one partition at once, each lane in order, committing only up to the first record not done', async () => {
      const key = 'messenger:9:lanes';
      const handled: string[] = [];
      const started = new Map<string, ConsumedEvent<Note>>();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const sut = await consumer(key, {
        groupId: 'lanes',
        lanes: { of: (event) => event.value.text.slice(0, 1), concurrency: 4 },
        handle: async (event) => {
          started.set(event.value.text, event);
          if (event.value.text.startsWith('a')) await gate;
          handled.push(event.value.text);
        },
      });
      await publisher.publish(
        topic,
        ['a0', 'b0', 'a1', 'b1', 'a2', 'b2'].map((text) => ({ key, type: 't', id: `lane-${text}`, data: { text } })),
      );
      await waitFor(() => handled.length === 3, 20_000, 'lane b while lane a waits');
      expect(handled).toEqual(['b0', 'b1', 'b2']);
      expect([...started.keys()].filter((text) => text.startsWith('a'))).toEqual(['a0']);

      // Past the auto-commit interval, nothing from a0 on is committed while a0 is in hand.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const a0 = started.get('a0')!;
      const whileWaiting = (await committedOffsets('lanes', wire(topic))).get(a0.partition);
      expect(Number(whileWaiting)).toBeLessThanOrEqual(Number(a0.offset));

      release();
      await waitFor(() => handled.length === 6, 20_000, 'lane a once released');
      expect(handled.slice(3)).toEqual(['a0', 'a1', 'a2']);
      await consumers.stop(sut);
      const last = started.get('b2')!;
      expect((await committedOffsets('lanes', wire(topic))).get(last.partition)).toBe(String(Number(last.offset) + 1));
    });
  });

  describe('KafkaHealth', () => {
    it('reports ready while Kafka answers', async () => {
      await expect(app.get(KafkaHealth).isKafkaReady()).resolves.toBe(true);
    });

    it('reports not ready within its timeout when nothing listens', async () => {
      const deadConfig = kafkaConfigFrom({ KAFKA_BROKERS: `127.0.0.1:${await freePort()}` });
      const sut = new KafkaHealth(
        new KafkaConnection({ config: deadConfig, clientId: 'probe', logger: silent }),
        'probe',
      );
      const started = Date.now();
      await expect(sut.isKafkaReady(1500)).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(2500);
    });
  });
});
