import { TopicName } from '@app/contracts';
import { KafkaConnection } from '../kafka-connection';
import { cloudEventHeaders, encodeValue, OutgoingEvent } from './cloud-event-headers';

/** Publishes events and resolves only once Kafka acknowledged all of them (acks=all). */
export abstract class EventPublisher {
  abstract publish(topic: TopicName, events: readonly OutgoingEvent[]): Promise<void>;
}

export class KafkaEventPublisher extends EventPublisher {
  constructor(
    private readonly connection: KafkaConnection,
    /** CloudEvents `ce_source` of this app, e.g. `/parley/gateway`. */
    private readonly source: string,
  ) {
    super();
  }

  publish(topic: TopicName, events: readonly OutgoingEvent[]): Promise<void> {
    const wireTopic = this.connection.wireName(topic);
    return this.connection.send(
      events.map((event) => ({
        topic: wireTopic,
        message: { key: event.key, value: encodeValue(event.data), headers: cloudEventHeaders(event, this.source) },
      })),
    );
  }
}
