import { EntityClasses } from '@app/database';
import { DecisionEntity, DecisionOutboxEntity } from './audit/decision.entity';
import { ErasureProgressEntity, ErasureRequestEntity } from './erasure/erasure.entity';
import { ConversationEntity } from './windows/conversation.entity';
import { NotificationTokenEntity } from './windows/notification-token.entity';
import { ProcessedEventEntity } from './windows/processed-event.entity';

/** Every TypeORM entity of the compliance schema (the drift test compares them with the migrations). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity lists
export const COMPLIANCE_ENTITIES: EntityClasses = [
  ConversationEntity,
  NotificationTokenEntity,
  ProcessedEventEntity,
  DecisionEntity,
  DecisionOutboxEntity,
  ErasureRequestEntity,
  ErasureProgressEntity,
];
