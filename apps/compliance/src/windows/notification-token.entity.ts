import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A notification-messages token the person granted (Messenger marketing messages). */
@Entity({ name: 'notification_token' })
export class NotificationTokenEntity {
  @PrimaryColumn({ type: 'text' })
  token: string;

  @Index('notification_token_conversation_idx')
  @Column({ name: 'conversation_id', type: 'text' })
  conversationId: string;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
