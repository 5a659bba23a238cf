import { TopicName } from '@app/contracts';
import {
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { EventConsumer, EventConsumerOptions } from './consumer/event-consumer';
import { KafkaConnection } from './kafka-connection';
import { KafkaHealth } from './kafka-health';
import { ConfigurableModuleClass, KAFKA_MODULE_OPTIONS, KafkaModuleOptions } from './kafka.module-definition';
import { EventPublisher, KafkaEventPublisher } from './publisher/event-publisher';
import { ensureTopics } from './topics/ensure-topics';
import { topicSpecsFor } from './topics/topic-specs';

/** Creates the topics (and their dead-letter topics) that are missing, with the settings of `topic-specs`. */
async function provisionTopics(connection: KafkaConnection, topics: readonly TopicName[]): Promise<string[]> {
  if (topics.length === 0) return [];
  const admin = connection.admin();
  await admin.connect();
  try {
    return await ensureTopics(admin, topicSpecsFor(topics), {
      prefix: connection.config.KAFKA_TOPIC_PREFIX,
      replicationFactor: connection.config.KAFKA_REPLICATION_FACTOR,
      minInsyncReplicas: connection.config.KAFKA_MIN_INSYNC_REPLICAS,
    });
  } finally {
    await admin.disconnect();
  }
}

/** Creates the app's own topics before anything publishes or consumes. */
@Injectable()
export class KafkaTopicProvisioner implements OnModuleInit {
  constructor(
    private readonly connection: KafkaConnection,
    @Inject(KAFKA_MODULE_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const created = await provisionTopics(this.connection, this.options.provision ?? []);
    if (created.length > 0) this.connection.logger.info({ created }, 'Kafka topics provisioned');
  }
}

/** Starts consumer group members and stops them before the producer closes (dead letters still need it). */
@Injectable()
export class KafkaConsumers implements BeforeApplicationShutdown {
  private readonly running = new Set<EventConsumer<unknown>>();

  constructor(private readonly connection: KafkaConnection) {}

  async start<T>(options: EventConsumerOptions<T>): Promise<EventConsumer<T>> {
    // Apps start in any order: a consumer may come up before the app that owns its topics has created them.
    const created = await provisionTopics(this.connection, options.topics);
    if (created.length > 0) this.connection.logger.info({ created }, 'Kafka topics provisioned for a consumer');
    const consumer = new EventConsumer(this.connection, options);
    this.running.add(consumer as EventConsumer<unknown>);
    await consumer.start();
    return consumer;
  }

  async stop<T>(consumer: EventConsumer<T>): Promise<void> {
    this.running.delete(consumer as EventConsumer<unknown>);
    await consumer.stop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    const consumers = [...this.running];
    this.running.clear();
    await Promise.all(consumers.map((consumer) => consumer.stop()));
  }
}

@Injectable()
class KafkaConnectionLifecycle implements OnApplicationShutdown {
  constructor(private readonly connection: KafkaConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * Kafka for an app: the awaited publisher, consumer group members, topic provisioning at startup and
 * the readiness probe. `KafkaModule.forRoot({ config, source, clientId, provision, logger })` or
 * `forRootAsync` with a factory reading the app's config.
 */
@Module({
  providers: [
    {
      provide: KafkaConnection,
      inject: [KAFKA_MODULE_OPTIONS],
      useFactory: (options: KafkaModuleOptions) =>
        new KafkaConnection({ config: options.config, clientId: options.clientId, logger: options.logger }),
    },
    {
      provide: EventPublisher,
      inject: [KafkaConnection, KAFKA_MODULE_OPTIONS],
      useFactory: (connection: KafkaConnection, options: KafkaModuleOptions) =>
        new KafkaEventPublisher(connection, options.source),
    },
    {
      provide: KafkaHealth,
      inject: [KafkaConnection, KAFKA_MODULE_OPTIONS],
      useFactory: (connection: KafkaConnection, options: KafkaModuleOptions) =>
        new KafkaHealth(connection, `${options.clientId}-health`),
    },
    KafkaTopicProvisioner,
    KafkaConsumers,
    KafkaConnectionLifecycle,
  ],
  exports: [KafkaConnection, EventPublisher, KafkaHealth, KafkaConsumers],
})
export class KafkaModule extends ConfigurableModuleClass {}
