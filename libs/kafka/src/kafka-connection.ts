import { Admin, Consumer, ConsumerConfig, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { kafkaClientOptions, physicalTopic } from './config/kafka-client-options';
import { KafkaConfig } from './config/kafka.config';
import { kafkaJsLogCreator, StructuredLogger } from './kafka-logger';
import { CoalescingSender } from './publisher/coalescing-sender';

/** A record addressed by wire topic name. */
export interface OutgoingRecord {
  readonly topic: string;
  readonly message: Message;
}

export interface KafkaConnectionOptions {
  readonly config: KafkaConfig;
  readonly clientId: string;
  readonly logger: StructuredLogger;
  /** Most records in one produce request. */
  readonly maxRecordsPerSend?: number;
}

/**
 * The app's one Kafka client: one idempotent producer (acks=all) whose concurrent sends are grouped,
 * admin and consumers, and the topic namespace of KAFKA_TOPIC_PREFIX.
 */
export class KafkaConnection {
  readonly kafka: Kafka;
  readonly config: KafkaConfig;
  readonly logger: StructuredLogger;
  private readonly sender: CoalescingSender<OutgoingRecord>;
  private producer?: Promise<Producer>;
  private closed = false;
  private readonly counters = { sends: 0, records: 0 };

  constructor(options: KafkaConnectionOptions) {
    this.config = options.config;
    this.logger = options.logger;
    this.kafka = new Kafka(kafkaClientOptions(options.config, options.clientId, kafkaJsLogCreator(options.logger)));
    this.sender = new CoalescingSender((records) => this.sendNow(records), {
      maxItems: options.maxRecordsPerSend ?? 1000,
    });
  }

  /** The wire name of a registry topic (or group id): the configured prefix before it. */
  wireName(name: string): string {
    return physicalTopic(this.config, name);
  }

  /** Resolves once Kafka acknowledged every record (acks=all); rejects when it could not. */
  send(records: readonly OutgoingRecord[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('Kafka connection is closed'));
    return this.sender.submit(records);
  }

  /** Produce calls made and records they carried: how well concurrent publishes were grouped. */
  stats(): { readonly sends: number; readonly records: number } {
    return { ...this.counters };
  }

  admin(): Admin {
    return this.kafka.admin();
  }

  consumer(config: ConsumerConfig): Consumer {
    return this.kafka.consumer(config);
  }

  async close(): Promise<void> {
    this.closed = true;
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await (await producer.catch(() => undefined))?.disconnect();
  }

  private async sendNow(records: OutgoingRecord[]): Promise<void> {
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, Message[]>();
    for (const record of records) {
      const messages = byTopic.get(record.topic) ?? [];
      messages.push(record.message);
      byTopic.set(record.topic, messages);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    this.counters.sends += 1;
    this.counters.records += records.length;
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // Murmur2 like the Java client, so a key lands on the same partition whoever produces it.
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => (this.producer = undefined));
    }
    return this.producer;
  }
}
