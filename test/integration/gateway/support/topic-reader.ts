import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, logLevel } from 'kafkajs';

export interface ReadRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** Collects every record of some topics from the beginning, as a CRM's kafkajs consumer would see them. */
export class TopicReader {
  readonly records: ReadRecord[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly brokers: string,
    private readonly topics: string[],
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({ brokers: [this.brokers], clientId: 'it-reader', logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `it-reader-${randomBytes(4).toString('hex')}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = String(Array.isArray(value) ? value[value.length - 1] : value);
        }
        this.records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? '',
          value: message.value ?? Buffer.alloc(0),
          headers,
        });
      },
    });
  }

  of(topic: string): ReadRecord[] {
    return this.records.filter((record) => record.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export async function eventually(condition: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits a little and checks nothing more arrived (for "never reaches the topic"). */
export async function settle(ms = 1500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
