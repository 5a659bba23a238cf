import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { MessageStatusEntity } from './messages/message-status.entity';
import { OutboundMessageEntity } from './messages/outbound-message.entity';

/** Every TypeORM entity of the outbound schema (the drift test compares them with the migrations). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const OUTBOUND_ENTITIES: Function[] = [OutboundMessageEntity, MessageStatusEntity, IdempotencyKeyEntity];
