import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A CRM's OAuth2 client; the secret is stored only as a hash. */
@Entity({ name: 'crm_client' })
export class CrmClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'text' })
  clientId: string;

  @Index('crm_client_tenant_idx')
  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'secret_hash', type: 'text', select: false })
  secretHash: string;

  @Column({ name: 'scopes', type: 'text', array: true })
  scopes: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
