import { ErasureOutcome, ErasureSubject, PersonalDataEraser } from '@app/privacy';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ConnectionsRepository } from '../connections/connections.repository';

export const NOTHING_KEPT_FOR_PEOPLE = 'tokens keeps nothing about people who message a Page';
export const PAGES_STAY_CONNECTED =
  "the user's id and user token are removed from the Pages they connected; the Pages stay connected";

/** The app-scoped id whose traces tokens removes; null for a person, of whom tokens keeps nothing. */
export function connectingUserOf(subject: ErasureSubject): string | null {
  return subject.kind === 'app_user' ? subject.appScopedUserId : null;
}

/**
 * Tokens' share of an erasure. What is personal to the Facebook user who connected Pages is their app-scoped
 * id (`granted_by`) and their long-lived user token; both go. The Page connection stays: the Page, its token
 * and its tasks belong to the business, which still wants its messages, and the Page token works without the
 * user token (which served only the periodic `/me/permissions` check). The permission snapshot stays too: it
 * describes what the app may do on the Page, not the person. Redeemed login nonces are random values with a
 * time, tied to nobody. When the user removed the app, Meta's deauthorize callback disconnects those Pages;
 * should the erasure come first, that callback finds no Page by the id any more, and the Page token's next
 * error 190 (from outbound or the periodic check) marks the connection invalid instead.
 */
@Injectable()
export class TokensEraser extends PersonalDataEraser {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly clock: Clock,
  ) {
    super();
  }

  async erase(subject: ErasureSubject): Promise<ErasureOutcome> {
    const appScopedUserId = connectingUserOf(subject);
    if (!appScopedUserId) return { deletedRecords: 0, detail: NOTHING_KEPT_FOR_PEOPLE };
    const deletedRecords = await this.connections.forgetGranter(appScopedUserId, this.clock.now());
    return { deletedRecords, detail: PAGES_STAY_CONNECTED };
  }
}
