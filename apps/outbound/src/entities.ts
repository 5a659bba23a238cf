import { EntityClasses } from '@app/database';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { MessageStatusEntity } from './messages/message-status.entity';
import { OutboundMessageEntity } from './messages/outbound-message.entity';
import { AccountPauseEntity } from './pauses/account-pause.entity';

/** Every TypeORM entity of the outbound schema (the drift test compares them with the migrations). */
export const OUTBOUND_ENTITIES: EntityClasses = [
  OutboundMessageEntity,
  MessageStatusEntity,
  IdempotencyKeyEntity,
  AccountPauseEntity,
];
