import { TopicName } from '@app/contracts';

/**
 * One Kafka record the gateway produces. The publisher turns `id`, `type`, `time` and `subject` into
 * CloudEvents binary headers; `headers` are added as they are.
 */
export interface GatewayRecord {
  topic: TopicName;
  key: string;
  /** `ce_id`. */
  id: string;
  /** `ce_type`. */
  type: string;
  /** `ce_time`. */
  time: string;
  /** JSON value; a Buffer is sent byte for byte. */
  value: Buffer | object;
  headers: Record<string, string>;
}

/** What ties the records to the request that caused them. */
export interface RequestTrace {
  correlationId: string;
  /** W3C trace context; the caller's when it sent one. */
  traceparent: string;
}

/** Where the gateway's records go; resolves only once Kafka acknowledged every record (acks=all). */
export abstract class GatewayPublisher {
  abstract publish(records: readonly GatewayRecord[], trace: RequestTrace): Promise<void>;
}
