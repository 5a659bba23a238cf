import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { Topics } from '@app/contracts';
import { KafkaConfig } from '@app/kafka';
import { platformModules } from '@app/runtime';
import { InternalApiToken, InternalTokenGuard } from '@app/auth';
import { PolicySettings } from './common/policy-settings';
import { ComplianceFeaturesModule } from './compliance-features.module';
import { ComplianceConfig } from './config/compliance.config';
import { policySettingsFrom } from './config/policy-settings.factory';
import { COMPLIANCE_ENTITIES } from './entities';
import { COMPLIANCE_MIGRATIONS } from './migrations';

export interface ComplianceSettings {
  app: ComplianceConfig;
  kafka: KafkaConfig;
}

/** Settings the features read, from the validated configuration. */
@Global()
@Module({})
export class ComplianceSettingsModule {
  static register(policy: PolicySettings, internalApiToken: string): DynamicModule {
    return {
      module: ComplianceSettingsModule,
      providers: [
        { provide: PolicySettings, useValue: policy },
        { provide: InternalApiToken, useValue: new InternalApiToken(internalApiToken) },
        InternalTokenGuard,
      ],
      exports: [PolicySettings, InternalApiToken, InternalTokenGuard],
    };
  }
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
          // Also the topics it reads, so it starts whatever order the apps come up in.
          provision: [
            Topics.complianceDecision,
            Topics.privacyErasure,
            Topics.privacyErasureProgress,
            Topics.messagingInbound,
            Topics.metaCallbackReceived,
            Topics.tokensConnection,
          ],
        }),
        AuthModule.forRoot({
          issuer: settings.app.issuer,
          audience: settings.app.AUTH_AUDIENCE,
          jwksUrl: `${settings.app.TOKENS_URL.replace(/\/+$/, '')}/.well-known/jwks.json`,
        }),
        ComplianceSettingsModule.register(policySettingsFrom(settings.app), settings.app.INTERNAL_API_TOKEN),
        ComplianceFeaturesModule,
      ],
    };
  }
}
