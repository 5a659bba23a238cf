import { EntityClasses } from '@app/database';
import { DecisionEntity, DecisionOutboxEntity } from './audit/decision.entity';
import { AccountTenantEntity } from './tenancy/account-tenant.entity';
import { PageEnforcementEntity } from './enforcement/page-enforcement.entity';
import { ErasureProgressEntity, ErasureRequestEntity } from './erasure/erasure.entity';
import { ConversationEntity } from './windows/conversation.entity';
import { NotificationTokenEntity } from './windows/notification-token.entity';
import { ProcessedEventEntity } from './windows/processed-event.entity';
import { CountedEventEntity, SentPerSecondEntity, VolumePerHourEntity } from './volume/volume-counter.entity';

/** Every TypeORM entity of the compliance schema (the drift test compares them with the migrations). */
export const COMPLIANCE_ENTITIES: EntityClasses = [
  ConversationEntity,
  NotificationTokenEntity,
  ProcessedEventEntity,
  DecisionEntity,
  DecisionOutboxEntity,
  ErasureRequestEntity,
  ErasureProgressEntity,
  PageEnforcementEntity,
  AccountTenantEntity,
  SentPerSecondEntity,
  VolumePerHourEntity,
  CountedEventEntity,
];
