import { ErasureProgressEvent, MetaCallbackEvent, Topics } from '@app/contracts';
import { KafkaConsumers, schemaValidator } from '@app/kafka';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ErasureService } from './erasure.service';

/**
 * Data-deletion callbacks become erasure requests, and every app's progress is recorded. Compliance carries out
 * its own share like every app, through `erasureParticipation` and ComplianceEraser.
 */
@Injectable()
export class ErasureConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly erasure: ErasureService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([
      this.consumers.start<MetaCallbackEvent>({
        groupId: 'compliance-callbacks',
        topics: [Topics.metaCallbackReceived],
        validate: schemaValidator(Topics.metaCallbackReceived),
        handle: (event) => this.erasure.createFromCallback(event.value),
      }),
      this.consumers.start<ErasureProgressEvent>({
        groupId: 'compliance-erasure-progress',
        topics: [Topics.privacyErasureProgress],
        validate: schemaValidator(Topics.privacyErasureProgress),
        handle: (event) => this.erasure.recordProgress(event.value),
      }),
    ]);
  }
}
