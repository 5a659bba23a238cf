import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { KafkaConfig } from '@app/kafka';
import { platformModules } from '@app/runtime';
import { ComplianceConfig } from './config/compliance.config';
import { COMPLIANCE_ENTITIES } from './entities';
import { COMPLIANCE_MIGRATIONS } from './migrations';

export interface ComplianceSettings {
  app: ComplianceConfig;
  kafka: KafkaConfig;
}

@Module({})
export class ComplianceModule {
  static register(settings: ComplianceSettings): DynamicModule {
    return {
      module: ComplianceModule,
      imports: [
        ...platformModules({
          service: 'compliance',
          app: settings.app,
          kafka: settings.kafka,
          entities: COMPLIANCE_ENTITIES,
          migrations: COMPLIANCE_MIGRATIONS,
          provision: [Topics.complianceDecision, Topics.privacyErasure, Topics.privacyErasureProgress],
        }),
      ],
    };
  }
}
