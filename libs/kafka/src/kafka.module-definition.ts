import { TopicName } from '@app/contracts';
import { ConfigurableModuleBuilder } from '@nestjs/common';
import { KafkaConfig } from './config/kafka.config';
import { StructuredLogger } from './kafka-logger';

export interface KafkaModuleOptions {
  readonly config: KafkaConfig;
  /** CloudEvents `ce_source` of this app, e.g. `/parley/gateway`. */
  readonly source: string;
  /** kafkajs client id when KAFKA_CLIENT_ID is unset, e.g. `parley-gateway`. */
  readonly clientId: string;
  /** Topics this app owns: created at startup (with their dead-letter topics) unless they exist. */
  readonly provision?: readonly TopicName[];
  /** Where kafkajs and the consumers log; JSON lines through pino in the apps. */
  readonly logger: StructuredLogger;
}

export const { ConfigurableModuleClass, MODULE_OPTIONS_TOKEN: KAFKA_MODULE_OPTIONS } =
  new ConfigurableModuleBuilder<KafkaModuleOptions>().setClassMethodName('forRoot').build();
