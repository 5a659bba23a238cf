import { DynamicModule, Module } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { KafkaConfig } from '@app/kafka';
import { platformModules } from '@app/runtime';
import { TokensConfig } from './config/tokens.config';
import { TOKENS_ENTITIES } from './entities';
import { TOKENS_MIGRATIONS } from './migrations';
import { TokensCoreModule } from './tokens-core.module';

export interface TokensSettings {
  app: TokensConfig;
  kafka: KafkaConfig;
}

/** The topics tokens writes, reads and reports to; creating them is idempotent, so boot order does not matter. */
export const TOKENS_TOPICS = [
  Topics.tokensConnection,
  Topics.outboundStatus,
  Topics.metaCallbackReceived,
  Topics.privacyErasure,
  Topics.privacyErasureProgress,
];

@Module({})
export class TokensModule {
  static register(settings: TokensSettings): DynamicModule {
    return {
      module: TokensModule,
      imports: [
        ...platformModules({
          service: 'tokens',
          app: settings.app,
          kafka: settings.kafka,
          entities: TOKENS_ENTITIES,
          migrations: TOKENS_MIGRATIONS,
          provision: TOKENS_TOPICS,
        }),
        TokensCoreModule.forRoot(settings.app),
      ],
    };
  }
}
