import { ErasureRequestedEvent, Topics } from '@app/contracts';
import { KafkaConsumers, schemaValidator } from '@app/kafka';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ErasureParticipant, ErasureParticipantSettings } from './erasure-participant';
import { erasureFailureKind } from './erasure-report';

/** `privacy.erasure.v1` in the app's own group, `<app>-erasure`. */
@Injectable()
export class ErasureConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly participant: ErasureParticipant,
    private readonly settings: ErasureParticipantSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start<ErasureRequestedEvent>({
      groupId: `${this.settings.app}-erasure`,
      topics: [Topics.privacyErasure],
      validate: schemaValidator(Topics.privacyErasure),
      classify: erasureFailureKind,
      handle: (event) => this.participant.carryOut(event.value),
      // Retries spent on a failure of unknown kind: the request must not stay pending without a word.
      onDeadLetter: (event, error) => this.participant.reportFailed(event.value, error),
    });
  }
}
