import { ConnectionEvent, Topics } from '@app/contracts';
import { KafkaConsumers, schemaValidator } from '@app/kafka';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { TenancyService } from './tenancy.service';

/** `tokens.connection.v1` → which tenant owns which account. */
@Injectable()
export class ConnectionConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: KafkaConsumers,
    private readonly tenancy: TenancyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start<ConnectionEvent>({
      groupId: 'compliance-tenancy',
      topics: [Topics.tokensConnection],
      validate: schemaValidator(Topics.tokensConnection),
      handle: (event) => this.tenancy.applyConnection(event.value),
    });
  }
}
