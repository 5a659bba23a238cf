import { InboundEvent, Topics } from '@app/contracts';
import { KafkaConsumers, schemaValidator } from '@app/kafka';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { WindowsService } from './windows.service';

export const INBOUND_GROUP = 'compliance-windows';

/** `messaging.inbound.v1` → conversation state. */
@Injectable()
export class InboundConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly windows: WindowsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start<InboundEvent>({
      groupId: INBOUND_GROUP,
      topics: [Topics.messagingInbound],
      validate: schemaValidator(Topics.messagingInbound),
      handle: (event) => this.windows.applyInbound(event.value),
      partitionsConsumedConcurrently: 3,
    });
  }
}
