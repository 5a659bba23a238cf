import { InboundEvent, OutboundStatus } from '@app/contracts';
import { messageIdFromMetadata } from '../sending/send-api-body';

/** What receipt matching needs to know of a message of the conversation. */
export interface SentMessage {
  readonly messageId: string;
  readonly metaMessageId: string | null;
  readonly status: OutboundStatus;
  /** Meta's time of the message (from its echo), else when the send call started: never after Meta's time. */
  readonly sentAt: Date | null;
  /** A failure because Meta's answer was lost: the echo may still prove it was sent. */
  readonly outcomeUnknown: boolean;
}

export interface StatusChange {
  readonly messageId: string;
  readonly status: 'sent' | 'delivered' | 'read';
  readonly metaMessageId: string | null;
  /** Meta's time of the message, learnt from its echo. */
  readonly sentAt: Date | null;
}

const RANK: Record<OutboundStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: -1 };

function advances(message: SentMessage, to: 'delivered' | 'read'): boolean {
  return message.status !== 'failed' && message.status !== 'accepted' && RANK[to] > RANK[message.status];
}

function upTo(messages: readonly SentMessage[], watermark: number, to: 'delivered' | 'read'): StatusChange[] {
  return messages
    .filter((m) => m.sentAt !== null && m.sentAt.getTime() <= watermark && advances(m, to))
    .map((m) => ({ messageId: m.messageId, status: to, metaMessageId: m.metaMessageId, sentAt: null }));
}

/**
 * The status changes an inbound event brings to the conversation's outbound messages: an echo of Parley's own
 * send settles it as sent (by the id in `metadata`); a delivery or read receipt moves messages forward, by
 * Meta's message ids and by watermark. Statuses never move backwards.
 */
export function statusChangesFrom(event: InboundEvent, messages: readonly SentMessage[]): StatusChange[] {
  switch (event.kind) {
    case 'echo': {
      const messageId = messageIdFromMetadata(event.message.metadata);
      const own = messages.find((m) => m.messageId === messageId);
      if (!own) return [];
      const sentAt = new Date(event.occurredAt);
      const settles = own.status === 'accepted' || (own.status === 'failed' && own.outcomeUnknown);
      return settles ? [{ messageId: own.messageId, status: 'sent', metaMessageId: event.message.mid, sentAt }] : [];
    }
    case 'delivery': {
      const byMid = messages.filter((m) => m.metaMessageId !== null && event.delivery.mids.includes(m.metaMessageId));
      const direct = byMid
        .filter((m) => advances(m, 'delivered'))
        .map((m) => ({
          messageId: m.messageId,
          status: 'delivered' as const,
          metaMessageId: m.metaMessageId,
          sentAt: null,
        }));
      const watermark = event.delivery.watermark;
      const swept = watermark === null ? [] : upTo(messages, watermark, 'delivered');
      return dedupe([...direct, ...swept]);
    }
    case 'read': {
      if (event.read.watermark !== null) return upTo(messages, event.read.watermark, 'read');
      const seen = messages.find((m) => m.metaMessageId !== null && m.metaMessageId === event.read.mid);
      return seen?.sentAt ? upTo(messages, seen.sentAt.getTime(), 'read') : [];
    }
    default:
      return [];
  }
}

function dedupe(changes: StatusChange[]): StatusChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => (seen.has(c.messageId) ? false : (seen.add(c.messageId), true)));
}
