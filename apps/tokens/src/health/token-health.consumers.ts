import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MetaCallbackEvent, OutboundStatusEvent, Topics } from '@app/contracts';
import { KafkaConsumers, schemaValidator } from '@app/kafka';
import { TokenHealthService } from './token-health.service';

const STATUS_BATCH_BYTES = 256 * 1024;

/** Outbound failures with error 190 invalidate a connection at once; deauthorize callbacks disconnect. */
@Injectable()
export class TokenHealthConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly health: TokenHealthService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([
      this.consumers.start<OutboundStatusEvent>({
        groupId: 'tokens-outbound-status',
        topics: [Topics.outboundStatus],
        validate: schemaValidator(Topics.outboundStatus),
        handle: (event) => this.health.onOutboundStatus(event.value),
        // Every status of every message passes here to find the rare invalid token; a second late is fine.
        minBytes: STATUS_BATCH_BYTES,
        maxWaitTimeMs: 1000,
      }),
      this.consumers.start<MetaCallbackEvent>({
        groupId: 'tokens-callbacks',
        topics: [Topics.metaCallbackReceived],
        validate: schemaValidator(Topics.metaCallbackReceived),
        handle: (event) => this.health.onMetaCallback(event.value),
      }),
    ]);
  }
}
