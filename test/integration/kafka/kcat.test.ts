import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { waitForLeaders } from '@app/kafka';
import { Admin, KafkaMessage, Partitioners } from 'kafkajs';
import { rawKafka, testBrokers, uniquePrefix, waitFor } from './support';

jest.setTimeout(60_000);

const run = promisify(execFile);
const prefix = uniquePrefix('kcat');
const brokers = testBrokers();

/** kcat (librdkafka) is a client nobody here wrote: if it works, the local Kafka speaks real Kafka. */
describe('kcat against the local Kafka', () => {
  let admin: Admin;
  const topic = `${prefix}interop`;

  beforeAll(async () => {
    if (spawnSync('kcat', ['-V']).error) {
      throw new Error('kcat is not installed; install it with: apt-get install -y kcat');
    }
    admin = rawKafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: false });
    await waitForLeaders(admin, [topic]);
  });

  afterAll(async () => {
    await admin?.disconnect();
  });

  it('lists the broker and the topic with its partitions', async () => {
    const { stdout } = await run('kcat', ['-b', brokers, '-L', '-J', '-t', topic, '-m', '10']);
    const metadata = JSON.parse(stdout) as {
      brokers: { id: number; name: string }[];
      topics: { topic: string; partitions: unknown[] }[];
    };
    expect(metadata.brokers).toEqual([expect.objectContaining({ id: 1, name: brokers })]);
    expect(metadata.topics).toEqual([expect.objectContaining({ topic, partitions: expect.any(Array) })]);
    expect(metadata.topics[0].partitions).toHaveLength(3);
  });

  it('produces keyed records with headers that kafkajs reads', async () => {
    const child = execFile('kcat', [
      '-b',
      brokers,
      '-P',
      '-t',
      topic,
      '-K',
      ':',
      '-H',
      'ce_type=parley.kcat.v1',
      '-X',
      'acks=all',
    ]);
    child.stdin?.end('conv-1:{"n":1}\nconv-2:{"n":2}\nconv-1:{"n":3}\n');
    await new Promise<void>((resolve, reject) =>
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kcat exited ${code}`)))),
    );

    const received: KafkaMessage[] = [];
    const consumer = rawKafka().consumer({ groupId: `${prefix}reader`, maxWaitTimeInMs: 250 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message) });
    await waitFor(() => received.length >= 3, 20_000, 'the records kcat produced');
    await consumer.disconnect();

    const fromKcat = received.filter((message) => String(message.headers?.ce_type) === 'parley.kcat.v1');
    expect(fromKcat.map((message) => `${message.key}=${message.value}`).sort()).toEqual([
      'conv-1={"n":1}',
      'conv-1={"n":3}',
      'conv-2={"n":2}',
    ]);
  });

  it('consumes what the kafkajs idempotent producer wrote, keys and headers included', async () => {
    const own = `${prefix}from-kafkajs`;
    await admin.createTopics({ topics: [{ topic: own, numPartitions: 1 }], waitForLeaders: false });
    await waitForLeaders(admin, [own]);
    const producer = rawKafka().producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({
      topic: own,
      acks: -1,
      messages: [
        { key: 'a', value: 'first', headers: { ce_id: 'e1' } },
        { key: 'b', value: 'second', headers: { ce_id: 'e2' } },
      ],
    });
    await producer.disconnect();

    const { stdout } = await run('kcat', ['-b', brokers, '-C', '-t', own, '-o', 'beginning', '-e', '-J', '-q']);
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; payload: string; headers: string[]; offset: number });
    expect(records.map(({ key, payload, headers, offset }) => ({ key, payload, headers, offset }))).toEqual([
      { key: 'a', payload: 'first', headers: ['ce_id', 'e1'], offset: 0 },
      { key: 'b', payload: 'second', headers: ['ce_id', 'e2'], offset: 1 },
    ]);
  });
});
