import { InboundEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MessagesRepository } from '../messages/messages.repository';
import { OutboundEvents } from '../messages/outbound-events';
import { statusChangesFrom } from './receipt-matching';

const RELEVANT = new Set<InboundEvent['kind']>(['echo', 'delivery', 'read']);

/** Moves outbound messages forward from the gateway's echoes, delivery and read receipts. */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly events: OutboundEvents,
    private readonly clock: Clock,
  ) {}

  async handle(event: InboundEvent, correlationId?: string): Promise<void> {
    if (!RELEVANT.has(event.kind) || event.personId === null) return;
    const sent = await this.messages.sentInConversation(event.conversationId);
    if (sent.length === 0) return;
    for (const change of statusChangesFrom(event, sent)) {
      const update = {
        status: change.status,
        // When Parley learnt it, on its own clock, so the history reads in the order things were learnt.
        occurredAt: this.clock.now(),
        metaMessageId: change.metaMessageId,
        sentAt: change.sentAt,
        ...(change.status === 'sent' && { failure: null, outcomeUnknown: false }),
      };
      if (!(await this.messages.recordStatus(change.messageId, update))) continue;
      const message = await this.messages.find(change.messageId);
      if (message) await this.events.status(message, update, correlationId);
    }
  }
}
