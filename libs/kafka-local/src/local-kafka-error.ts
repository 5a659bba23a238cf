export type LocalKafkaErrorCode =
  | 'JAVA_MISSING'
  | 'JAVA_TOO_OLD'
  | 'MAVEN_MISSING'
  | 'RESOLVE_FAILED'
  | 'PORT_BUSY'
  | 'DATA_DIR_UNWRITABLE'
  | 'ALREADY_RUNNING'
  | 'FORMAT_FAILED'
  | 'EXITED_EARLY'
  | 'START_TIMEOUT';

/** A failure to obtain or run the local Kafka. The first line of the message is the whole story for the user. */
export class LocalKafkaError extends Error {
  constructor(
    readonly code: LocalKafkaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LocalKafkaError';
  }
}

/** What anyone without Java or Maven can do instead; appended to the errors about missing tools. */
export const KAFKA_ALTERNATIVES = 'or set KAFKA_BROKERS to an existing Kafka, or run docker/compose';
