import { TopicName } from '@app/contracts';
import { EventPublisher, KafkaHealth, OutgoingEvent } from '@app/kafka';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { GatewayPublisher, GatewayRecord, RequestTrace } from './gateway-record';
import { withDeadline } from './with-deadline';

export interface KafkaGatewayPublisherOptions {
  /** A send not acknowledged within this is a failure. */
  timeoutMs: number;
  /** How often to probe Kafka while it is away. */
  probeIntervalMs: number;
}

export class KafkaUnavailableError extends Error {
  constructor() {
    super('Kafka is unavailable');
    this.name = 'KafkaUnavailableError';
  }
}

/** Groups records by topic, keeping their order: records of one conversation go out in delivery order. */
export function byTopic(records: readonly GatewayRecord[], trace: RequestTrace): Map<TopicName, OutgoingEvent[]> {
  const grouped = new Map<TopicName, OutgoingEvent[]>();
  for (const record of records) {
    const events = grouped.get(record.topic) ?? [];
    events.push({
      key: record.key,
      id: record.id,
      type: record.type,
      time: record.time,
      data: record.value,
      headers: record.headers,
      correlationId: trace.correlationId,
      traceparent: trace.traceparent,
    });
    grouped.set(record.topic, events);
  }
  return grouped;
}

/**
 * Publishes through the app's idempotent producer (acks=all). After a failed or late send it answers
 * "unavailable" at once, so Meta's requests get a quick 503 instead of queueing behind a dead broker,
 * until a probe finds Kafka again.
 */
export class KafkaGatewayPublisher extends GatewayPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaGatewayPublisher.name);
  private available = true;
  private probe?: NodeJS.Timeout;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly health: KafkaHealth,
    private readonly options: KafkaGatewayPublisherOptions,
  ) {
    super();
  }

  /** False from a failed send until a probe finds Kafka again. */
  isAvailable(): boolean {
    return this.available;
  }

  async publish(records: readonly GatewayRecord[], trace: RequestTrace): Promise<void> {
    if (!this.available) throw new KafkaUnavailableError();
    const sends = [...byTopic(records, trace)].map(([topic, events]) => this.publisher.publish(topic, events));
    try {
      await withDeadline(Promise.all(sends), this.options.timeoutMs);
    } catch (error) {
      this.markUnavailable();
      throw error;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.probe);
  }

  private markUnavailable(): void {
    if (!this.available) return;
    this.available = false;
    this.logger.warn(
      { probeIntervalMs: this.options.probeIntervalMs },
      'Kafka unavailable, answering 503 until it is back',
    );
    let probing = false;
    this.probe = setInterval(() => {
      if (probing) return;
      probing = true;
      void this.health
        .isKafkaReady(this.options.probeIntervalMs)
        .then((ready) => {
          if (!ready || this.available) return;
          this.available = true;
          clearInterval(this.probe);
          this.logger.log('Kafka is back');
        })
        .finally(() => (probing = false));
    }, this.options.probeIntervalMs);
    this.probe.unref();
  }
}
