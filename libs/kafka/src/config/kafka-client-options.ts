import { KafkaConfig as KafkaJsConfig, logCreator, SASLOptions } from 'kafkajs';
import { KafkaConfig } from './kafka.config';

/** The kafkajs client options for a validated configuration. */
export function kafkaClientOptions(config: KafkaConfig, defaultClientId: string, logger: logCreator): KafkaJsConfig {
  return {
    brokers: config.KAFKA_BROKERS.split(','),
    clientId: config.KAFKA_CLIENT_ID ?? defaultClientId,
    ssl: config.KAFKA_SSL ?? false,
    sasl: saslOptions(config),
    logCreator: logger,
    connectionTimeout: 3000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10_000 },
  };
}

function saslOptions(config: KafkaConfig): SASLOptions | undefined {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (!mechanism || username === undefined || password === undefined) return undefined;
  switch (mechanism) {
    case 'plain':
      return { mechanism, username, password };
    case 'scram-sha-256':
      return { mechanism, username, password };
    case 'scram-sha-512':
      return { mechanism, username, password };
  }
}

/** Topic names on the wire: the configured prefix before the registry's name. */
export function physicalTopic(config: Pick<KafkaConfig, 'KAFKA_TOPIC_PREFIX'>, topic: string): string {
  return `${config.KAFKA_TOPIC_PREFIX ?? ''}${topic}`;
}
