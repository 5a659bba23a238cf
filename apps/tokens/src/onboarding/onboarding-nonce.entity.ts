import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A login `state` already redeemed: the primary key refuses its replay. */
@Entity({ name: 'onboarding_nonce' })
export class OnboardingNonceEntity {
  @PrimaryColumn({ name: 'nonce', type: 'text' })
  nonce: string;

  @Column({ name: 'used_at', type: 'timestamptz' })
  usedAt: Date;
}
