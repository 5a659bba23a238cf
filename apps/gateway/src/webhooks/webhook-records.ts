import {
  InboundEvent,
  TOPIC_CONTRACTS,
  TopicName,
  Topics,
  WEBHOOK_SIGNATURE_HEADER,
  webhookReceivedKey,
} from '@app/contracts';
import { GatewayRecord } from './gateway-record';

function ceTypeOf(topic: TopicName): string {
  const contract = TOPIC_CONTRACTS[topic];
  if (!contract) throw new Error(`no contract for ${topic}`);
  return contract.ceType;
}

export interface ReceivedDelivery {
  deliveryId: string;
  rawBody: Buffer;
  signature: string;
  channel: 'messenger' | 'instagram';
  firstAccountId: string | null;
  receivedAt: Date;
}

/** The `meta.webhook.received.v1` record: the body bytes as received, signature alongside. */
export function receivedRecordOf(delivery: ReceivedDelivery): GatewayRecord {
  return {
    topic: Topics.webhookReceived,
    key: webhookReceivedKey(delivery.channel, delivery.firstAccountId),
    id: delivery.deliveryId,
    type: ceTypeOf(Topics.webhookReceived),
    time: delivery.receivedAt.toISOString(),
    value: delivery.rawBody,
    headers: { [WEBHOOK_SIGNATURE_HEADER]: delivery.signature },
  };
}

/** One `messaging.inbound.v1` record per event, keyed by conversation, in delivery order. */
export function inboundRecordsOf(events: readonly InboundEvent[]): GatewayRecord[] {
  return events.map((event) => ({
    topic: Topics.messagingInbound,
    key: event.conversationId,
    id: event.eventId,
    type: ceTypeOf(Topics.messagingInbound),
    time: event.occurredAt,
    value: event,
    headers: { parley_kind: event.kind },
  }));
}
