import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { TokenInvalidation } from '../graph/graph-error';
import { AppEntity, SCHEMA } from '../world/world.entities';
import type { TokenType } from '../auth/access-rules';

@Entity({ schema: SCHEMA, name: 'access_token' })
@Check('access_token_type_check', `"type" IN ('USER', 'PAGE', 'APP')`)
@Index('access_token_user_idx', ['userId'])
@Index('access_token_parent_idx', ['parentToken', 'pageId'])
export class AccessTokenEntity {
  @PrimaryColumn({ type: 'text' })
  token: string;

  @Column({ type: 'text' })
  type: TokenType;

  @Column({ name: 'app_id', type: 'text' })
  @ForeignKey(() => AppEntity, { name: 'access_token_app_fkey' })
  appId: string;

  @Column({ name: 'user_id', type: 'text', nullable: true })
  userId: string | null;

  @Column({ name: 'page_id', type: 'text', nullable: true })
  pageId: string | null;

  /** The user token a Page token was derived from. */
  @Column({ name: 'parent_token', type: 'text', nullable: true })
  parentToken: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'data_access_expires_at', type: 'timestamptz', nullable: true })
  dataAccessExpiresAt: Date | null;

  @Column({ type: 'text', nullable: true })
  invalidated: TokenInvalidation | null;
}

@Entity({ schema: SCHEMA, name: 'oauth_code' })
export class OAuthCodeEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ name: 'redirect_uri', type: 'text' })
  redirectUri: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
