import { OutboundRequestEvent, outboundStatusEventId, OutboundStatusEvent, Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { Injectable } from '@nestjs/common';
import { StatusUpdate } from './messages.repository';
import { OutboundMessageEntity } from './outbound-message.entity';

export function requestEventOf(message: OutboundMessageEntity): OutboundRequestEvent {
  return {
    messageId: message.id,
    tenantId: message.tenantId,
    channel: message.channel,
    accountId: message.accountId,
    recipientId: message.recipientId,
    conversationId: message.conversationId,
    messagingType: message.messagingType,
    tag: message.tag,
    content: message.content,
    acceptedAt: message.createdAt.toISOString(),
  };
}

export function statusEventOf(message: OutboundMessageEntity, update: StatusUpdate): OutboundStatusEvent {
  return {
    eventId: outboundStatusEventId(message.id, update.status),
    messageId: message.id,
    conversationId: message.conversationId,
    channel: message.channel,
    accountId: message.accountId,
    status: update.status,
    metaMessageId: update.metaMessageId ?? message.metaMessageId ?? null,
    occurredAt: update.occurredAt.toISOString(),
    failure: update.failure ?? null,
  };
}

/** Publishes requests keyed by account and statuses keyed by conversation. */
@Injectable()
export class OutboundEvents {
  constructor(private readonly publisher: EventPublisher) {}

  async request(message: OutboundMessageEntity, correlationId?: string): Promise<void> {
    const data = requestEventOf(message);
    await this.publisher.publish(Topics.outboundRequest, [
      {
        id: message.id,
        type: 'parley.messaging.outbound.request.v1',
        key: message.accountId,
        time: message.createdAt,
        data,
        ...(correlationId && { correlationId }),
      },
    ]);
  }

  async status(message: OutboundMessageEntity, update: StatusUpdate, correlationId?: string): Promise<void> {
    const data = statusEventOf(message, update);
    await this.publisher.publish(Topics.outboundStatus, [
      {
        id: data.eventId,
        type: 'parley.messaging.outbound.status.v1',
        key: message.conversationId,
        time: update.occurredAt,
        data,
        ...(correlationId && { correlationId }),
      },
    ]);
  }
}
