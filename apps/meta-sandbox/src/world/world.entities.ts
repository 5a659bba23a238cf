import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';

export const SCHEMA = 'meta_sandbox';

/** A Meta app: its secret signs webhooks; its callback URL receives them. */
@Entity({ schema: SCHEMA, name: 'app' })
export class AppEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  secret: string;

  @Column({ name: 'verify_token', type: 'text' })
  verifyToken: string;

  @Column({ name: 'callback_url', type: 'text', nullable: true })
  callbackUrl: string | null;

  @Column({ name: 'require_appsecret_proof', type: 'boolean', default: false })
  requireAppsecretProof: boolean;

  @Column({ name: 'human_agent_approved', type: 'boolean', default: true })
  humanAgentApproved: boolean;

  /** App-level subscription fields of the `instagram` object (Instagram has no per-account install call). */
  @Column({ name: 'instagram_fields', type: 'text', array: true })
  instagramFields: string[];

  @Column({ name: 'duplicate_rate', type: 'double precision', default: 0 })
  duplicateRate: number;

  @Column({ type: 'boolean', default: false })
  reorder: boolean;

  @Column({ name: 'deliveries_paused', type: 'boolean', default: false })
  deliveriesPaused: boolean;

  /** Start of the current run of failed deliveries; Meta unsubscribes the app after an hour of it. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@Entity({ schema: SCHEMA, name: 'page' })
export class PageEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  category: string;

  /** Conversation Routing default app: owns idle threads. Null means every subscribed app gets `messaging`. */
  @Column({ name: 'default_app_id', type: 'text', nullable: true })
  @ForeignKey(() => AppEntity, { name: 'page_default_app_fkey' })
  defaultAppId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

@Entity({ schema: SCHEMA, name: 'instagram_account' })
@Unique('instagram_account_page_id_key', ['pageId'])
export class InstagramAccountEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'page_id', type: 'text' })
  @ForeignKey(() => PageEntity, { name: 'instagram_account_page_fkey' })
  pageId: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  name: string;
}

@Entity({ schema: SCHEMA, name: 'page_subscription' })
export class PageSubscriptionEntity {
  @PrimaryColumn({ name: 'app_id', type: 'text' })
  @ForeignKey(() => AppEntity, { name: 'page_subscription_app_fkey' })
  appId: string;

  @PrimaryColumn({ name: 'page_id', type: 'text' })
  @ForeignKey(() => PageEntity, { name: 'page_subscription_page_fkey' })
  pageId: string;

  @Column({ type: 'text', array: true })
  fields: string[];

  @Column({ name: 'subscribed_at', type: 'timestamptz' })
  subscribedAt: Date;
}

/** Someone who writes to Pages and Instagram accounts; scoped ids live in {@link IdentityEntity}. */
@Entity({ schema: SCHEMA, name: 'person' })
export class PersonEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  locale: string;

  @Column({ type: 'integer' })
  timezone: number;

  @Column({ name: 'follower_count', type: 'integer', default: 0 })
  followerCount: number;

  /** False: the person blocked the business or deactivated the account (Send API answers 551). */
  @Column({ type: 'boolean', default: true })
  available: boolean;
}

/** A PSID (Messenger, per Page) or IGSID (per Instagram account) of a person. */
@Entity({ schema: SCHEMA, name: 'identity' })
@Unique('identity_person_account_key', ['personId', 'accountId'])
@Check('identity_channel_check', `"channel" IN ('messenger', 'instagram')`)
@Index('identity_account_idx', ['accountId'])
export class IdentityEntity {
  @PrimaryColumn({ name: 'scoped_id', type: 'text' })
  scopedId: string;

  @Column({ name: 'person_id', type: 'text' })
  @ForeignKey(() => PersonEntity, { name: 'identity_person_fkey' })
  personId: string;

  @Column({ type: 'text' })
  channel: 'messenger' | 'instagram';

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;
}

/** A Facebook user who administers Pages and logs in to apps. */
@Entity({ schema: SCHEMA, name: 'admin_user' })
export class AdminUserEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  name: string;
}

@Entity({ schema: SCHEMA, name: 'page_role' })
export class PageRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' })
  @ForeignKey(() => AdminUserEntity, { name: 'page_role_user_fkey' })
  userId: string;

  @PrimaryColumn({ name: 'page_id', type: 'text' })
  @ForeignKey(() => PageEntity, { name: 'page_role_page_fkey' })
  pageId: string;

  @Column({ type: 'text', array: true })
  tasks: string[];
}

/** What a user granted an app: permission statuses and, optionally, which Pages. */
@Entity({ schema: SCHEMA, name: 'app_grant' })
export class AppGrantEntity {
  @PrimaryColumn({ name: 'app_id', type: 'text' })
  @ForeignKey(() => AppEntity, { name: 'app_grant_app_fkey' })
  appId: string;

  @PrimaryColumn({ name: 'user_id', type: 'text' })
  @ForeignKey(() => AdminUserEntity, { name: 'app_grant_user_fkey' })
  userId: string;

  @Column({ type: 'jsonb' })
  permissions: Record<string, 'granted' | 'declined' | 'expired'>;

  /** Pages chosen in the login dialog; null means every Page the user has a role on. */
  @Column({ name: 'page_ids', type: 'text', array: true, nullable: true })
  pageIds: string[] | null;

  /** False once the user removed the app. */
  @Column({ type: 'boolean', default: true })
  authorized: boolean;
}
