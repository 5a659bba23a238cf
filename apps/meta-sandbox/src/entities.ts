import {
  AttachmentEntity,
  ConversationEntity,
  MessageEntity,
  SenderActionEntity,
} from './conversations/conversation.entities';
import { AccessTokenEntity, OAuthCodeEntity } from './tokens/token.entities';
import { DeliveryAttemptEntity, DeliveryEntity, WebhookEventEntity } from './webhooks/webhook.entities';
import {
  AdminUserEntity,
  AppEntity,
  AppGrantEntity,
  IdentityEntity,
  InstagramAccountEntity,
  PageEntity,
  PageRoleEntity,
  PageSubscriptionEntity,
  PersonEntity,
} from './world/world.entities';

/** Every TypeORM entity of the meta_sandbox schema (the drift test compares them with the migrations). */
export const META_SANDBOX_ENTITIES: Array<new () => object> = [
  AppEntity,
  PageEntity,
  InstagramAccountEntity,
  PageSubscriptionEntity,
  PersonEntity,
  IdentityEntity,
  AdminUserEntity,
  PageRoleEntity,
  AppGrantEntity,
  AccessTokenEntity,
  OAuthCodeEntity,
  ConversationEntity,
  MessageEntity,
  SenderActionEntity,
  AttachmentEntity,
  WebhookEventEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
];
