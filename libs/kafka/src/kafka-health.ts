import { Kafka, logLevel } from 'kafkajs';
import { kafkaClientOptions } from './config/kafka-client-options';
import { KafkaConnection } from './kafka-connection';

/** Answers /health/ready: can this app reach a Kafka cluster with a controller right now? */
export class KafkaHealth {
  private readonly kafka: Kafka;

  constructor(connection: KafkaConnection, clientId: string) {
    const options = kafkaClientOptions(connection.config, clientId, () => () => undefined);
    // A probe of its own: no retries, short timeouts, no log noise while Kafka is away.
    this.kafka = new Kafka({
      ...options,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      requestTimeout: 2000,
      retry: { retries: 0 },
    });
  }

  async isKafkaReady(timeoutMs = 2500): Promise<boolean> {
    const admin = this.kafka.admin();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const probe = (async () => {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return cluster.brokers.length > 0 && cluster.controller !== null;
    })().catch(() => false);
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
      void probe.finally(() => admin.disconnect().catch(() => undefined));
    }
  }
}
