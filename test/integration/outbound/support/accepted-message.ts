import { randomUUID } from 'node:crypto';
import { OutboundMessageEntity } from '../../../../apps/outbound/src/messages/outbound-message.entity';

/** A text message as outbound stores it once accepted, for tests that work on the repository directly. */
export function acceptedMessage(overrides: Partial<OutboundMessageEntity> = {}): OutboundMessageEntity {
  const now = new Date();
  return Object.assign(new OutboundMessageEntity(), {
    id: randomUUID(),
    tenantId: 'acme',
    channel: 'messenger' as const,
    accountId: '100',
    recipientId: '200',
    conversationId: 'messenger:100:200',
    messagingType: 'RESPONSE' as const,
    tag: null,
    content: { text: 'hi' },
    status: 'accepted' as const,
    metaMessageId: null,
    failure: null,
    outcomeUnknown: false,
    attempts: 0,
    sentAt: null,
    publishedAt: null,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}
