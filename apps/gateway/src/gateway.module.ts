import { DynamicModule, Global, Module } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { KafkaConfig } from '@app/kafka';
import { DEFAULT_WEBHOOK_BODY_LIMITS } from '@app/meta';
import { platformModules } from '@app/runtime';
import { GatewayConfig } from './config/gateway.config';
import { GATEWAY_ENTITIES } from './entities';
import { GATEWAY_MIGRATIONS } from './migrations';
import { WebhookSettings } from './webhooks/webhook-settings';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface GatewaySettings {
  app: GatewayConfig;
  kafka: KafkaConfig;
}

export function webhookSettingsFrom(config: GatewayConfig): WebhookSettings {
  return {
    appSecrets: [config.META_APP_SECRET, ...(config.META_APP_SECRET_PREVIOUS ? [config.META_APP_SECRET_PREVIOUS] : [])],
    verifyToken: config.META_VERIFY_TOKEN,
    bodyLimits: {
      ...DEFAULT_WEBHOOK_BODY_LIMITS,
      maxBytes: Math.min(DEFAULT_WEBHOOK_BODY_LIMITS.maxBytes, config.HTTP_BODY_LIMIT_BYTES),
    },
    publishTimeoutMs: config.WEBHOOK_PUBLISH_TIMEOUT_MS,
    dedupeWindowSeconds: config.WEBHOOK_DEDUPE_WINDOW_SECONDS,
    dedupeLookupTimeoutMs: 500,
    publicUrl: config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`,
  };
}

@Module({})
export class GatewayModule {
  static register(settings: GatewaySettings): DynamicModule {
    @Global()
    @Module({
      providers: [{ provide: WebhookSettings, useValue: webhookSettingsFrom(settings.app) }],
      exports: [WebhookSettings],
    })
    class WebhookSettingsModule {}

    return {
      module: GatewayModule,
      imports: [
        ...platformModules({
          service: 'gateway',
          app: settings.app,
          kafka: settings.kafka,
          entities: GATEWAY_ENTITIES,
          migrations: GATEWAY_MIGRATIONS,
          provision: [Topics.webhookReceived, Topics.messagingInbound, Topics.metaCallbackReceived],
        }),
        WebhookSettingsModule,
        WebhooksModule,
      ],
    };
  }
}
