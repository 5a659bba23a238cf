import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CONNECTION_STATUSES = ['active', 'invalid', 'disconnected'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** A Page connected by a tenant, with its linked Instagram account; one row per Page, refreshed on re-onboarding. */
@Entity({ name: 'page_connection' })
export class PageConnectionEntity {
  @PrimaryColumn({ name: 'page_id', type: 'text' })
  pageId: string;

  @Index('page_connection_tenant_idx')
  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'page_name', type: 'text' })
  pageName: string;

  @Index('page_connection_instagram_idx')
  @Column({ name: 'instagram_id', type: 'text', nullable: true })
  instagramId: string | null;

  @Column({ name: 'instagram_username', type: 'text', nullable: true })
  instagramUsername: string | null;

  /** AES-256-GCM ciphertext of the Page token, bound to the Page id; never selected by default. */
  @Column({ name: 'page_token_ciphertext', type: 'text', select: false })
  pageTokenCiphertext: string;

  /** The long-lived user token of the admin who connected the Page (for `/me/permissions`). */
  @Column({ name: 'user_token_ciphertext', type: 'text', nullable: true, select: false })
  userTokenCiphertext: string | null;

  /** Which encryption key the ciphertexts use, so rotation finds what to re-encrypt. */
  @Column({ name: 'key_id', type: 'text' })
  keyId: string;

  @Column({ name: 'tasks', type: 'text', array: true })
  tasks: string[];

  /** Permissions the admin had granted when last seen, to report when they change. */
  @Column({ name: 'permissions', type: 'text', array: true })
  permissions: string[];

  @Column({ name: 'status', type: 'text' })
  status: ConnectionStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'granted_by', type: 'text', nullable: true })
  grantedBy: string | null;

  @Column({ name: 'connected_at', type: 'timestamptz' })
  connectedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt: Date | null;
}
