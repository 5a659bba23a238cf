import { EventPublisher, KafkaHealth } from '@app/kafka';
import { Module } from '@nestjs/common';
import { register, Registry } from 'prom-client';
import { BatchingRecentPublications } from './batching-recent-publications';
import { Clock, SystemClock } from './clock';
import { GatewayMetrics } from './gateway-metrics';
import { GatewayPublisher } from './gateway-record';
import { KafkaGatewayPublisher } from './kafka-gateway.publisher';
import { MetaCallbackService } from './meta-callback.service';
import { MetaCallbacksController } from './meta-callbacks.controller';
import { PgRecentPublicationsRepository } from './pg-recent-publications.repository';
import { RecentPublicationsCleanup } from './recent-publications.cleanup';
import { RecentPublicationsRepository } from './recent-publications.repository';
import { WebhookIntakeService } from './webhook-intake.service';
import { WebhookSettings } from './webhook-settings';
import { WebhooksController } from './webhooks.controller';

/**
 * Meta's deliveries in: verified, normalized, published. Needs from the app: WebhookSettings, the Kafka
 * module's EventPublisher and KafkaHealth, and a TypeORM DataSource on the gateway's schema.
 */
@Module({
  controllers: [WebhooksController, MetaCallbacksController],
  providers: [
    WebhookIntakeService,
    MetaCallbackService,
    RecentPublicationsCleanup,
    { provide: Clock, useClass: SystemClock },
    {
      provide: GatewayMetrics,
      inject: [{ token: Registry, optional: true }],
      // The app's registry (served on /metrics); prom-client's global one where no observability module runs.
      useFactory: (registry?: Registry) => new GatewayMetrics(registry ?? register),
    },
    PgRecentPublicationsRepository,
    {
      provide: RecentPublicationsRepository,
      inject: [PgRecentPublicationsRepository, WebhookSettings],
      useFactory: (repository: PgRecentPublicationsRepository, settings: WebhookSettings) =>
        new BatchingRecentPublications(repository, settings.dedupeWindowSeconds),
    },
    {
      provide: GatewayPublisher,
      inject: [EventPublisher, KafkaHealth, WebhookSettings],
      useFactory: (publisher: EventPublisher, health: KafkaHealth, settings: WebhookSettings) =>
        new KafkaGatewayPublisher(publisher, health, { timeoutMs: settings.publishTimeoutMs, probeIntervalMs: 1000 }),
    },
  ],
  exports: [GatewayPublisher],
})
export class WebhooksModule {}
