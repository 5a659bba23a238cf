import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One conversation's window and opt-out state; every timestamp only ever moves forward. */
@Entity({ name: 'conversation' })
@Index('conversation_account_person_idx', ['accountId', 'personId'])
export class ConversationEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'text' })
  conversationId: string;

  @Column({ type: 'text' })
  channel: string;

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ name: 'person_id', type: 'text' })
  personId: string;

  @Column({ name: 'last_user_action_at', type: 'timestamptz', nullable: true })
  lastUserActionAt: Date | null;

  @Column({ name: 'ad_referral_at', type: 'timestamptz', nullable: true })
  adReferralAt: Date | null;

  @Column({ name: 'opted_out_at', type: 'timestamptz', nullable: true })
  optedOutAt: Date | null;

  @Column({ name: 'opted_in_at', type: 'timestamptz', nullable: true })
  optedInAt: Date | null;

  @Index('conversation_updated_at_idx')
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
