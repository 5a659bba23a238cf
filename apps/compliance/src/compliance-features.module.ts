import { erasureParticipation } from '@app/privacy';
import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { DecisionRelay } from './audit/decision-relay';
import { PgAuditRepository } from './audit/pg-audit.repository';
import { Clock, SystemClock } from './common/clock';
import { ComplianceMetrics } from './common/compliance-metrics';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsService } from './decisions/decisions.service';
import { ComplianceEraser } from './erasure/compliance-eraser';
import { DeletionStatusController } from './erasure/deletion-status.controller';
import { PageEnforcementRepository } from './enforcement/page-enforcement.repository';
import { PgPageEnforcementRepository } from './enforcement/pg-page-enforcement.repository';
import { ErasureController } from './erasure/erasure.controller';
import { ErasureConsumers } from './erasure/erasure.consumers';
import { ErasureRepository } from './erasure/erasure.repository';
import { ErasureService } from './erasure/erasure.service';
import { PgErasureRepository } from './erasure/pg-erasure.repository';
import { PolicyController } from './policy/policy.controller';
import { RetentionJob } from './retention/retention.job';
import { AccountTenantsRepository } from './tenancy/account-tenants.repository';
import { ConnectionConsumer } from './tenancy/connection.consumer';
import { PgAccountTenantsRepository } from './tenancy/pg-account-tenants.repository';
import { TenancyService } from './tenancy/tenancy.service';
import { PgVolumeCountersRepository } from './volume/pg-volume-counters.repository';
import { VolumeCountersRepository } from './volume/volume-counters.repository';
import { ConversationsRepository } from './windows/conversations.repository';
import { InboundConsumer } from './windows/inbound.consumer';
import { PgConversationsRepository } from './windows/pg-conversations.repository';
import { WindowsController } from './windows/windows.controller';
import { WindowsService } from './windows/windows.service';

/**
 * Compliance's features. Needs from the app: PolicySettings, a TypeORM DataSource on the compliance
 * schema, the Kafka module (EventPublisher, KafkaConsumers) and the CRM auth module.
 */
@Module({
  controllers: [
    WindowsController,
    DecisionsController,
    AuditController,
    PolicyController,
    ErasureController,
    DeletionStatusController,
  ],
  providers: [
    { provide: Clock, useClass: SystemClock },
    { provide: ConversationsRepository, useClass: PgConversationsRepository },
    { provide: AuditRepository, useClass: PgAuditRepository },
    { provide: ErasureRepository, useClass: PgErasureRepository },
    { provide: PageEnforcementRepository, useClass: PgPageEnforcementRepository },
    { provide: AccountTenantsRepository, useClass: PgAccountTenantsRepository },
    TenancyService,
    ConnectionConsumer,
    { provide: VolumeCountersRepository, useClass: PgVolumeCountersRepository },
    ComplianceMetrics,
    WindowsService,
    DecisionsService,
    DecisionRelay,
    AuditService,
    ErasureService,
    InboundConsumer,
    ErasureConsumers,
    ...erasureParticipation('compliance', ComplianceEraser),
    RetentionJob,
  ],
})
export class ComplianceFeaturesModule {}
