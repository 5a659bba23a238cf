import { ErasureOutcome, ErasureSubject, PersonalDataEraser } from '@app/privacy';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { ConversationsRepository } from '../windows/conversations.repository';

export const NOTHING_KEPT_FOR_APP_USERS = 'compliance keeps no data keyed by an app-scoped user id';

/** Compliance's share of an erasure: the person's conversation window, opt-out and audit rows. */
@Injectable()
export class ComplianceEraser extends PersonalDataEraser {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly audit: AuditRepository,
  ) {
    super();
  }

  async erase(subject: ErasureSubject): Promise<ErasureOutcome> {
    if (subject.kind !== 'person') return { deletedRecords: 0, detail: NOTHING_KEPT_FOR_APP_USERS };
    const deletedRecords =
      (await this.conversations.erase(subject.conversationId)) +
      (await this.audit.eraseConversation(subject.conversationId));
    return { deletedRecords, detail: null };
  }
}
