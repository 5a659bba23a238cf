import { DynamicModule, Module } from '@nestjs/common';
import { CrmAuthGuard, CrmTokenVerifier, InternalApiToken, InternalTokenGuard } from '@app/auth';
import { MetaGraphClient } from '@app/meta';
import { erasureParticipation } from '@app/privacy';
import { createLocalJWKSet } from 'jose';
import { CrmClientsRepository } from './clients/crm-clients.repository';
import { CrmClientsService } from './clients/crm-clients.service';
import { OAuthController } from './clients/oauth.controller';
import { OAuthService } from './clients/oauth.service';
import { SigningKeysRepository } from './clients/signing-keys.repository';
import { SigningKeysService } from './clients/signing-keys.service';
import { Clock, SystemClock } from './common/clock';
import { TokensConfig } from './config/tokens.config';
import { ConnectionEvents } from './connections/connection-events';
import { ConnectionsRepository } from './connections/connections.repository';
import { ConnectionsService } from './connections/connections.service';
import { PagesController } from './connections/pages.controller';
import { PagesService } from './connections/pages.service';
import { parseKeyring } from './crypto/token-cipher';
import { TokenVault } from './crypto/token-vault';
import { DiagnosticsService } from './diagnostics/diagnostics.service';
import { TokensEraser } from './erasure/tokens-eraser';
import { TokenHealthConsumers } from './health/token-health.consumers';
import { TokenHealthService } from './health/token-health.service';
import { InternalController } from './internal/internal.controller';
import { GraphMetaApi } from './meta/graph-meta-api';
import { MetaApi } from './meta/meta-api';
import { OnboardingNoncesRepository } from './onboarding/onboarding-nonces.repository';
import { OnboardingController } from './onboarding/onboarding.controller';
import { OnboardingService } from './onboarding/onboarding.service';

/**
 * The tokens app's features. Needs a TypeORM connection to the tokens schema and an EventPublisher from
 * the importing module (the platform modules in production, the test's own in integration tests).
 */
@Module({})
export class TokensCoreModule {
  static forRoot(config: TokensConfig): DynamicModule {
    const graph = new MetaGraphClient(config.graphClient);
    return {
      module: TokensCoreModule,
      controllers: [OAuthController, PagesController, OnboardingController, InternalController],
      providers: [
        { provide: TokensConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: TokenVault, useValue: new TokenVault(parseKeyring(config.TOKEN_ENCRYPTION_KEY)) },
        { provide: MetaGraphClient, useValue: graph },
        {
          provide: MetaApi,
          useValue: new GraphMetaApi(graph, {
            dialogUrl: config.META_DIALOG_URL,
            version: config.META_GRAPH_VERSION,
            loginConfigId: config.META_LOGIN_CONFIG_ID,
          }),
        },
        {
          provide: CrmTokenVerifier,
          inject: [SigningKeysService],
          useFactory: (keys: SigningKeysService) =>
            new CrmTokenVerifier({
              issuer: config.issuer,
              audience: config.AUTH_AUDIENCE,
              jwks: async (header, token) => createLocalJWKSet(await keys.jwks())(header, token),
            }),
        },
        CrmAuthGuard,
        {
          provide: InternalApiToken,
          inject: [TokensConfig],
          useFactory: (config: TokensConfig) => new InternalApiToken(config.INTERNAL_API_TOKEN),
        },
        InternalTokenGuard,
        CrmClientsRepository,
        CrmClientsService,
        SigningKeysRepository,
        SigningKeysService,
        OAuthService,
        ConnectionsRepository,
        ConnectionEvents,
        ConnectionsService,
        DiagnosticsService,
        PagesService,
        OnboardingNoncesRepository,
        OnboardingService,
        TokenHealthService,
        TokenHealthConsumers,
        ...erasureParticipation('tokens', TokensEraser),
      ],
      exports: [
        TokenHealthService,
        ConnectionsService,
        SigningKeysService,
        CrmClientsService,
        TokenVault,
        ConnectionsRepository,
      ],
    };
  }
}
