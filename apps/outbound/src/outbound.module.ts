import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, CrmAuthOptions } from '@app/auth';
import { Topics } from '@app/contracts';
import { KafkaConfig } from '@app/kafka';
import { erasureParticipation } from '@app/privacy';
import { platformModules } from '@app/runtime';
import { HttpPageTokens, PageTokens } from './accounts/page-tokens';
import { Clock, SystemClock } from './common/clock';
import { HttpSendDecisions, SendDecisions } from './compliance/send-decisions';
import { OutboundConfig } from './config/outbound.config';
import { OUTBOUND_ENTITIES } from './entities';
import { ErasureRepository, PgErasureRepository } from './erasure/erasure.repository';
import { OutboundEraser } from './erasure/outbound-eraser';
import { MessagesController } from './messages/messages.controller';
import { MessagesRepository, PgMessagesRepository } from './messages/messages.repository';
import { MessagesService } from './messages/messages.service';
import { OutboundEvents } from './messages/outbound-events';
import { PublishRelay, RelaySettings } from './messages/publish-relay';
import { OUTBOUND_MIGRATIONS } from './migrations';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { ConversationsController } from './conversations/conversations.controller';
import { ConversationsService } from './conversations/conversations.service';
import { GraphApi, MetaGraphApi } from './conversations/graph-api';
import { ReceiptsService } from './receipts/receipts.service';
import { SenderActionsController } from './sender-actions/sender-actions.controller';
import { SenderActionsService } from './sender-actions/sender-actions.service';
import { ConsumerSettings, OutboundConsumers } from './sending/outbound-consumers';
import { GraphSendApi, SendApi } from './sending/send-api';
import { DEFAULT_PACING, SendPacer } from './sending/send-pacer';
import { SendWorkerService, SendWorkerSettings } from './sending/send-worker.service';
import { DEFAULT_BACKOFF } from './sending/backoff';
import { LostSendSettler } from './sending/lost-send-settler';
import { AccountPausesRepository, PgAccountPausesRepository } from './pauses/account-pauses.repository';
import { AccountPauses, PauseSettings } from './pauses/account-pauses.service';
import { DEFAULT_PAUSE_POLICY } from './pauses/pause-policy';

export interface OutboundSettings {
  app: OutboundConfig;
  kafka: KafkaConfig;
}

export interface OutboundModuleOptions {
  /** Replaces the JWKS URL of tokens (a fixed key set). */
  auth?: Partial<CrmAuthOptions>;
}

@Module({})
export class OutboundModule {
  static register(settings: OutboundSettings, options: OutboundModuleOptions = {}): DynamicModule {
    const app = settings.app;
    const graph = { ...app.graphClient, timeoutMs: app.META_TIMEOUT_MS };
    return {
      module: OutboundModule,
      imports: [
        ...platformModules({
          service: 'outbound',
          app,
          kafka: settings.kafka,
          entities: OUTBOUND_ENTITIES,
          migrations: OUTBOUND_MIGRATIONS,
          // Inbound and the erasure topics belong to others; creating them when missing lets outbound start first.
          provision: [
            Topics.outboundRequest,
            Topics.outboundStatus,
            Topics.messagingInbound,
            Topics.privacyErasure,
            Topics.privacyErasureProgress,
          ],
        }),
        AuthModule.forRoot({
          issuer: app.issuer,
          audience: app.AUTH_AUDIENCE,
          jwksUrl: `${app.TOKENS_URL.replace(/\/+$/, '')}/.well-known/jwks.json`,
          ...options.auth,
        }),
      ],
      controllers: [MessagesController, SenderActionsController, AttachmentsController, ConversationsController],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: MessagesRepository, useClass: PgMessagesRepository },
        { provide: ErasureRepository, useClass: PgErasureRepository },
        { provide: AccountPausesRepository, useClass: PgAccountPausesRepository },
        {
          provide: PauseSettings,
          useValue: new PauseSettings(app.OUTBOUND_PAUSE_SECONDS * 1000, DEFAULT_PAUSE_POLICY.maxMs),
        },
        { provide: SendDecisions, useValue: new HttpSendDecisions(app.COMPLIANCE_URL, app.INTERNAL_API_TOKEN) },
        { provide: PageTokens, useValue: new HttpPageTokens(app.TOKENS_URL, app.INTERNAL_API_TOKEN) },
        { provide: SendApi, useValue: new GraphSendApi(graph) },
        { provide: GraphApi, useValue: new MetaGraphApi(graph) },
        {
          provide: SendPacer,
          useValue: new SendPacer({
            ...DEFAULT_PACING,
            accountPerSecond: app.OUTBOUND_ACCOUNT_PER_SECOND,
            messengerText: app.OUTBOUND_MESSENGER_TEXT_PER_SECOND,
            messengerMedia: app.OUTBOUND_MEDIA_PER_SECOND,
            instagramText: app.OUTBOUND_INSTAGRAM_TEXT_PER_SECOND,
            instagramMedia: app.OUTBOUND_MEDIA_PER_SECOND,
          }),
        },
        {
          provide: SendWorkerSettings,
          useValue: new SendWorkerSettings({
            ...DEFAULT_BACKOFF,
            maxAttempts: app.OUTBOUND_MAX_ATTEMPTS,
            baseDelayMs: app.OUTBOUND_RETRY_BASE_MS,
            slowBaseDelayMs: app.OUTBOUND_RETRY_BASE_MS * 5,
          }),
        },
        { provide: ConsumerSettings, useValue: new ConsumerSettings() },
        { provide: RelaySettings, useValue: new RelaySettings(5000, 10_000, app.IDEMPOTENCY_TTL_HOURS * 3600_000) },
        OutboundEvents,
        MessagesService,
        SenderActionsService,
        AttachmentsService,
        ConversationsService,
        AccountPauses,
        LostSendSettler,
        SendWorkerService,
        ReceiptsService,
        OutboundConsumers,
        PublishRelay,
        ...erasureParticipation('outbound', OutboundEraser),
      ],
    };
  }
}
