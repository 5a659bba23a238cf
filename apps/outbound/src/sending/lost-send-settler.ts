import { Injectable, Logger } from '@nestjs/common';
import { AccountAccess } from '../accounts/page-tokens';
import { Clock, sleep } from '../common/clock';
import { GraphApi } from '../conversations/graph-api';
import { READABLE_MESSAGES, readRecentMessages } from '../conversations/recent-messages';
import { OutboundMessageEntity } from '../messages/outbound-message.entity';
import { settleLostSend, Settlement } from './send-settlement';

/** The Conversations API allows 2 calls per second per account (meta-platform.md §7); a settlement makes 2. */
const SETTLEMENT_INTERVAL_MS = 1000;

const UNKNOWN: Settlement = { kind: 'unknown' };

/**
 * Asks Meta's Conversations API whether a send whose answer was lost reached the conversation. Paced per
 * account so a run of lost answers cannot exhaust the API; any failure to read leaves the outcome unknown.
 */
@Injectable()
export class LostSendSettler {
  private readonly logger = new Logger(LostSendSettler.name);
  private readonly nextSlot = new Map<string, number>();

  constructor(
    private readonly graph: GraphApi,
    private readonly clock: Clock,
  ) {}

  async settle(access: AccountAccess, message: OutboundMessageEntity, attemptedAt: Date): Promise<Settlement> {
    await this.takeSlot(access.accountId);
    try {
      const recent = await readRecentMessages(this.graph, access, message.recipientId);
      if (recent === null) return UNKNOWN;
      const text = typeof message.content.text === 'string' ? message.content.text : null;
      return settleLostSend(recent, { accountId: access.accountId, text, attemptedAt }, READABLE_MESSAGES);
    } catch (error) {
      this.logger.warn({ err: error, messageId: message.id }, 'Conversations API unreadable, outcome stays unknown');
      return UNKNOWN;
    }
  }

  private async takeSlot(accountId: string): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.max(now, this.nextSlot.get(accountId) ?? 0);
    this.nextSlot.set(accountId, slot + SETTLEMENT_INTERVAL_MS);
    await sleep(slot - now);
  }
}
