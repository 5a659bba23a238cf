import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Registry } from 'prom-client';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { AccessAdminController } from './admin/access-admin.controller';
import { AppsAdminController } from './admin/apps-admin.controller';
import { SandboxAdminService } from './admin/sandbox-admin.service';
import { GraphAuthService } from './auth/graph-auth.service';
import { Clock, Dice, IdGenerator, RandomDice, RandomIdGenerator, SystemClock } from './common/ids';
import { SandboxMetrics } from './common/sandbox-metrics';
import { SandboxSettings } from './common/sandbox-settings';
import { ConversationRepository } from './conversations/conversation.repository';
import { ConversationsApiService } from './conversations/conversations-api.service';
import { ConversationsController } from './conversations/conversations.controller';
import { ThreadService } from './conversations/thread.service';
import { GraphExceptionFilter } from './graph/graph-exception.filter';
import { GraphHeadersInterceptor } from './graph/graph-headers.interceptor';
import { GraphNodeController } from './graph/graph-node.controller';
import { GraphNodeResolver } from './graph/graph-node.resolver';
import { GraphRequestService } from './graph/graph-request.service';
import { HandoverController } from './handover/handover.controller';
import { HandoverService } from './handover/handover.service';
import { InspectionController } from './inspection/inspection.controller';
import { InspectionService } from './inspection/inspection.service';
import { LimitsController } from './limits/limits.controller';
import { RateLimitService } from './limits/rate-limit.service';
import { OAuthController, OAuthDialogController } from './oauth/oauth.controller';
import { OAuthService } from './oauth/oauth.service';
import { PersonController } from './person/person.controller';
import { PersonService } from './person/person.service';
import { ProfileService } from './profiles/profile.service';
import { SeedController } from './seed/seed.controller';
import { SeedService } from './seed/seed.service';
import { AttachmentService } from './send/attachment.service';
import { SendController } from './send/send.controller';
import { SendService } from './send/send.service';
import { SubscribedAppsController } from './subscriptions/subscribed-apps.controller';
import { SubscribedAppsService } from './subscriptions/subscribed-apps.service';
import { TokenIssuer } from './tokens/token-issuer.service';
import { TokenRepository } from './tokens/token.repository';
import { DeliveryWorker } from './webhooks/delivery-worker';
import { WebhookRepository } from './webhooks/webhook.repository';
import { DeliveryKick, WebhookEmitter } from './webhooks/webhook-emitter.service';
import { FetchWebhookTransport, WebhookTransport } from './webhooks/webhook-transport';
import { WorldRepository } from './world/world.repository';

export { META_SANDBOX_ENTITIES } from './entities';
export { META_SANDBOX_MIGRATIONS } from './migrations';

/** Seeds the demo world at boot when configured (the local stack without a Meta app). */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly seeds: SeedService,
    private readonly settings: SandboxSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.demo) return;
    const seeded = await this.seeds.seedDemo(this.settings.demo);
    if (!seeded) this.logger.log({ appId: this.settings.demo.appId }, 'demo world already present');
  }
}

/**
 * The Meta sandbox: Graph API routes, the person's side, seeding, inspection and the webhook delivery
 * worker. Needs a TypeORM DataSource with META_SANDBOX_ENTITIES and META_SANDBOX_MIGRATIONS applied.
 * Graph controllers come last so that their catch-all route answers only what nothing else matched.
 */
@Module({})
export class MetaSandboxModule {
  static forRoot(settings: SandboxSettings): DynamicModule {
    return {
      module: MetaSandboxModule,
      controllers: [
        SeedController,
        PersonController,
        InspectionController,
        AppsAdminController,
        AccessAdminController,
        LimitsController,
        OAuthDialogController,
        OAuthController,
        AccountsController,
        SubscribedAppsController,
        SendController,
        ConversationsController,
        HandoverController,
        GraphNodeController,
      ],
      providers: [
        { provide: SandboxSettings, useValue: settings },
        { provide: IdGenerator, useClass: RandomIdGenerator },
        { provide: Clock, useClass: SystemClock },
        { provide: Dice, useClass: RandomDice },
        {
          provide: SandboxMetrics,
          useFactory: (registry?: Registry) => new SandboxMetrics(registry ?? new Registry()),
          inject: [{ token: Registry, optional: true }],
        },
        { provide: WebhookTransport, useClass: FetchWebhookTransport },
        DeliveryWorker,
        { provide: DeliveryKick, useExisting: DeliveryWorker },
        WorldRepository,
        TokenRepository,
        ConversationRepository,
        WebhookRepository,
        RateLimitService,
        GraphAuthService,
        TokenIssuer,
        ThreadService,
        WebhookEmitter,
        GraphNodeResolver,
        GraphRequestService,
        GraphExceptionFilter,
        GraphHeadersInterceptor,
        OAuthService,
        AccountsService,
        SubscribedAppsService,
        AttachmentService,
        SendService,
        ConversationsApiService,
        ProfileService,
        HandoverService,
        PersonService,
        SeedService,
        InspectionService,
        SandboxAdminService,
        DemoSeeder,
      ],
      exports: [SeedService, DeliveryWorker, RateLimitService],
    };
  }
}
