import { InboundEvent, OutboundRequestEvent, Topics } from '@app/contracts';
import { DomainError, isRetriable } from '@app/errors';
import { classifyFailure, FailureKind, KafkaConsumers, schemaValidator } from '@app/kafka';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AccountPauses } from '../pauses/account-pauses.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { SendPacer } from './send-pacer';
import { SendWorkerService } from './send-worker.service';

export class ConsumerSettings {
  constructor(
    /** Accounts (partitions) sent for at once by one replica. */
    readonly sendConcurrency: number = 8,
    readonly enabled: boolean = true,
    /** Messages of one account in hand at once, each of another conversation; the account's pace still holds. */
    readonly conversationsAtOnce: number = 8,
  ) {}
}

/** Domain errors say themselves whether a retry can help (a dependency away) or not. */
export function classifyOutboundFailure(error: unknown): FailureKind {
  if (error instanceof DomainError) return isRetriable(error.code) ? 'transient' : 'permanent';
  return classifyFailure(error);
}

/** The outbound consumer groups: senders of requests; receipts and policy blocks from the gateway's inbound events. */
@Injectable()
export class OutboundConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly worker: SendWorkerService,
    private readonly receipts: ReceiptsService,
    private readonly pauses: AccountPauses,
    private readonly pacer: SendPacer,
    private readonly settings: ConsumerSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.enabled) return;
    await this.consumers.start<OutboundRequestEvent>({
      groupId: 'outbound-sender',
      topics: [Topics.outboundRequest],
      validate: schemaValidator(Topics.outboundRequest),
      classify: classifyOutboundFailure,
      partitionsConsumedConcurrently: this.settings.sendConcurrency,
      // A conversation's messages go out in order; different conversations need not wait on each other.
      lanes: { of: (event) => event.value.conversationId, concurrency: this.settings.conversationsAtOnce },
      onJoin: () => this.pacer.startOver(Date.now()),
      handle: (event) => this.worker.handle(event.value, event.headers.correlationId),
    });
    await this.consumers.start<InboundEvent>({
      groupId: 'outbound-receipts',
      topics: [Topics.messagingInbound],
      validate: schemaValidator(Topics.messagingInbound),
      classify: classifyOutboundFailure,
      handle: async (event) => {
        await this.receipts.handle(event.value, event.headers.correlationId);
        await this.pauses.onInbound(event.value);
      },
    });
  }
}
