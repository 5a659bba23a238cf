import { ErasureOutcome, ErasureSubject, PersonalDataEraser } from '@app/privacy';
import { Injectable } from '@nestjs/common';
import { ErasureRepository } from './erasure.repository';
import { conversationErasureOf, NOTHING_KEPT_FOR_APP_USERS } from './conversation-erasure';

/** Outbound's share of an erasure: the person's messages, their status history and the idempotency answers. */
@Injectable()
export class OutboundEraser extends PersonalDataEraser {
  constructor(private readonly erasures: ErasureRepository) {
    super();
  }

  async erase(subject: ErasureSubject): Promise<ErasureOutcome> {
    const erasure = conversationErasureOf(subject);
    if (!erasure) return { deletedRecords: 0, detail: NOTHING_KEPT_FOR_APP_USERS };
    const rows = await this.erasures.eraseConversation(erasure);
    return { deletedRecords: rows.messages + rows.statuses + rows.answers, detail: null };
  }
}
