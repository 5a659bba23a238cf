import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { KafkaConfig } from '@app/kafka';
import { platformModules } from '@app/runtime';
import { OutboundConfig } from './config/outbound.config';
import { OUTBOUND_ENTITIES } from './entities';
import { OUTBOUND_MIGRATIONS } from './migrations';

export interface OutboundSettings {
  app: OutboundConfig;
  kafka: KafkaConfig;
}

@Module({})
export class OutboundModule {
  static register(settings: OutboundSettings): DynamicModule {
    return {
      module: OutboundModule,
      imports: [
        ...platformModules({
          service: 'outbound',
          app: settings.app,
          kafka: settings.kafka,
          entities: OUTBOUND_ENTITIES,
          migrations: OUTBOUND_MIGRATIONS,
          provision: [Topics.outboundRequest, Topics.outboundStatus],
        }),
      ],
    };
  }
}
