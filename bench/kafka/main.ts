import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Topics } from '@app/contracts';
import {
  EventPublisher,
  KafkaConnection,
  kafkaConfigFrom,
  KafkaEventPublisher,
  StructuredLogger,
  waitForLeaders,
} from '@app/kafka';
import { startLocalKafka } from '@app/kafka-local';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { runKcat } from './kcat-runner';

const RECORDS = 100_000;
const RECORD_BYTES = 1024;
const BATCH = 100;
const PARTITIONS = 6;
const KEYS = 1000;
const CONCURRENT_PUBLISHERS = 32;

interface Measurement {
  readonly records: number;
  readonly ms: number;
}

const perSecond = (m: Measurement) => Math.round((m.records * 1000) / m.ms);
const megabytesPerSecond = (m: Measurement) => ((m.records * RECORD_BYTES) / 1024 / 1024 / (m.ms / 1000)).toFixed(1);

const silent: StructuredLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/**
 * Produce and consume throughput of kafkajs beside kcat (librdkafka) doing the same work against the
 * local Kafka: 1 KB records, acks=all, idempotent producers, batches of 100.
 */
export async function runKafkaBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-kafka-'));
  const kafka = await startLocalKafka({ dataDir, port: 0, tuning: 'test', heapMb: 1024 });
  try {
    const client = new Kafka({ brokers: [kafka.brokers], clientId: 'parley-bench', logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    const publisherTopic = `bench.${Topics.messagingInbound}`;
    const topics = ['bench.kafkajs', publisherTopic, 'bench.kcat'];
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS })),
      waitForLeaders: false,
    });
    await waitForLeaders(admin, topics);
    await admin.disconnect();

    const value = randomBytes(RECORD_BYTES / 2).toString('hex');
    const keyOf = (index: number) => `messenger:1122:${index % KEYS}`;

    const kafkajsProduce = await timed(RECORDS, async () => {
      const producer = client.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      for (let sent = 0; sent < RECORDS; sent += BATCH) {
        const messages = Array.from({ length: BATCH }, (_, index) => ({ key: keyOf(sent + index), value }));
        await producer.send({ topic: 'bench.kafkajs', acks: -1, messages });
      }
      await producer.disconnect();
    });

    const config = kafkaConfigFrom({ KAFKA_BROKERS: kafka.brokers, KAFKA_TOPIC_PREFIX: 'bench.' });
    const connection = new KafkaConnection({
      config,
      clientId: 'parley-bench',
      logger: silent,
      maxRecordsPerSend: 2000,
    });
    const publisher: EventPublisher = new KafkaEventPublisher(connection, '/parley/bench');
    // The gateway's shape: many concurrent publishes of 100 events each, grouped by the connection.
    const grouped = await timed(RECORDS, async () => {
      let nextBatch = 0;
      const worker = async () => {
        for (let batch = nextBatch++; batch * BATCH < RECORDS; batch = nextBatch++) {
          const events = Array.from({ length: BATCH }, (_, index) => ({
            key: keyOf(batch * BATCH + index),
            type: 'parley.bench.v1',
            id: `${batch}-${index}`,
            data: { value },
          }));
          // The prefix maps the registry name onto a bench topic.
          await publisher.publish(Topics.messagingInbound, events);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENT_PUBLISHERS }, worker));
    }).catch((error: unknown) => {
      throw new Error(`grouped publisher failed: ${String(error)}`);
    });
    const sends = connection.stats().sends;
    await connection.close();

    const input = path.join(dataDir, 'kcat-input.txt');
    writeFileSync(input, Array.from({ length: RECORDS }, (_, index) => `${keyOf(index)}|${value}\n`).join(''));
    const kcatProduce = await timed(RECORDS, () =>
      runKcat(
        ['-b', kafka.brokers, '-P', '-t', 'bench.kcat', '-K', '|', '-z', 'none']
          .concat(['-X', 'acks=all', '-X', 'enable.idempotence=true', '-X', `batch.num.messages=${BATCH}`])
          .concat(['-X', 'linger.ms=5', '-X', 'partitioner=murmur2_random']),
        input,
      ),
    );

    const kafkajsConsume = await timed(RECORDS, async () => {
      const consumer = client.consumer({ groupId: 'bench-reader', maxBytesPerPartition: 4 * 1024 * 1024 });
      let seen = 0;
      await consumer.connect();
      await consumer.subscribe({ topic: 'bench.kafkajs', fromBeginning: true });
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachBatch: async ({ batch }) => {
            seen += batch.messages.length;
            if (seen >= RECORDS) resolve();
          },
        });
      });
      await consumer.disconnect();
    });
    const kcatConsume = await timed(RECORDS, async () => {
      const out = await runKcat([
        '-b',
        kafka.brokers,
        '-C',
        '-t',
        'bench.kcat',
        '-o',
        'beginning',
        '-e',
        '-q',
        '-f',
        '%o\n',
      ]);
      const count = out.split('\n').filter(Boolean).length;
      if (count < RECORDS) throw new Error(`kcat consumed only ${count} of ${RECORDS} records`);
    });

    const rows: [string, Measurement, Measurement | undefined][] = [
      ['produce (sequential sends of 100)', kafkajsProduce, kcatProduce],
      [
        `produce via EventPublisher (${CONCURRENT_PUBLISHERS} concurrent publishes of 100, ${sends} sends)`,
        grouped,
        kcatProduce,
      ],
      ['consume (one group member)', kafkajsConsume, kcatConsume],
    ];
    process.stdout.write(
      `Kafka ${kafka.version} local single node; ${RECORDS} records of ${RECORD_BYTES} B, acks=all, idempotent, ${PARTITIONS} partitions\n`,
    );
    process.stdout.write(
      `${'work'.padEnd(72)} ${'kafkajs rec/s'.padStart(14)} ${'MB/s'.padStart(6)} ${'kcat rec/s'.padStart(11)} ${'MB/s'.padStart(6)} ${'ratio'.padStart(6)}\n`,
    );
    for (const [label, ours, theirs] of rows) {
      const ratio = theirs ? (perSecond(ours) / perSecond(theirs)).toFixed(2) : '';
      process.stdout.write(
        `${label.padEnd(72)} ${String(perSecond(ours)).padStart(14)} ${megabytesPerSecond(ours).padStart(6)} ` +
          `${theirs ? String(perSecond(theirs)).padStart(11) : ''.padStart(11)} ${theirs ? megabytesPerSecond(theirs).padStart(6) : ''.padStart(6)} ${ratio.padStart(6)}\n`,
      );
    }
  } finally {
    await kafka.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timed(records: number, work: () => Promise<unknown>): Promise<Measurement> {
  const started = process.hrtime.bigint();
  await work();
  return { records, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

if (require.main === module) {
  runKafkaBench().catch((error: unknown) => {
    process.stderr.write(`kafka bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
