export { KafkaConfig, kafkaConfigFrom, SASL_MECHANISMS } from './config/kafka.config';
export type { SaslMechanism } from './config/kafka.config';
export { kafkaClientOptions, physicalTopic } from './config/kafka-client-options';
export { kafkaJsLogCreator } from './kafka-logger';
export type { StructuredLogger } from './kafka-logger';
export { KafkaConnection } from './kafka-connection';
export type { KafkaConnectionOptions, OutgoingRecord } from './kafka-connection';
export { KafkaHealth } from './kafka-health';
export { KafkaConsumers, KafkaModule, KafkaTopicProvisioner } from './kafka.module';
export { KAFKA_MODULE_OPTIONS } from './kafka.module-definition';
export type { KafkaModuleOptions } from './kafka.module-definition';
export { EventPublisher, KafkaEventPublisher } from './publisher/event-publisher';
export {
  CE_SPECVERSION,
  CORRELATION_HEADER,
  cloudEventHeaders,
  encodeValue,
  newTraceparent,
  readEventHeaders,
} from './publisher/cloud-event-headers';
export type { IncomingEventHeaders, OutgoingEvent } from './publisher/cloud-event-headers';
export { CoalescingSender } from './publisher/coalescing-sender';
export { EventConsumer } from './consumer/event-consumer';
export type { ConsumedEvent, EventConsumerOptions, Validation } from './consumer/event-consumer';
export { schemaValidator } from './consumer/schema-validator';
export { DEAD_LETTER_HEADERS, deadLetterHeaders } from './consumer/dead-letter';
export {
  classifyFailure,
  decideFailure,
  DEFAULT_RETRY_POLICY,
  PoisonRecordError,
  RetriableError,
  retryAfterOf,
} from './consumer/failure-policy';
export type { FailureDecision, FailureKind, RetryPolicy } from './consumer/failure-policy';
export { ensureTopics, planTopics, TopicProvisioningError, waitForLeaders } from './topics/ensure-topics';
export type { ProvisioningOptions, TopicPlan } from './topics/ensure-topics';
export { allTopicSpecs, DEAD_LETTER_SETTINGS, TOPIC_SETTINGS, topicSpecsFor } from './topics/topic-specs';
export type { CleanupPolicy, TopicSettings, TopicSpec } from './topics/topic-specs';
