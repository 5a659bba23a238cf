import { ErasureSubject } from '@app/privacy';

export const NOTHING_KEPT_FOR_APP_USERS =
  "outbound keeps nothing keyed by a Facebook user's app-scoped id: its messages name people by their Page-scoped id";

/** What outbound keeps about one person: the conversation's messages, and answers naming the recipient. */
export interface ConversationErasure {
  /** `<channel>:<account id>:<person id>`: messages and their history, and the answers that created them. */
  readonly conversationId: string;
  /** Sender-action answers name only the recipient. */
  readonly recipientId: string;
}

/** Null for an app user: outbound sends to people by their scoped id, never by a login's app-scoped id. */
export function conversationErasureOf(subject: ErasureSubject): ConversationErasure | null {
  if (subject.kind !== 'person') return null;
  return { conversationId: subject.conversationId, recipientId: subject.personId };
}
