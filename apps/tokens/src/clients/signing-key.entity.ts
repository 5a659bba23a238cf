import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A key that signs CRM access tokens; retired keys stay published until tokens they signed have expired. */
@Entity({ name: 'signing_key' })
export class SigningKeyEntity {
  @PrimaryColumn({ name: 'kid', type: 'text' })
  kid: string;

  /** The private JWK, encrypted like the Meta tokens. */
  @Column({ name: 'private_key_ciphertext', type: 'text', select: false })
  privateKeyCiphertext: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
