import { ConversationState, StateChange } from '../decisions/conversation-state';

export interface ConversationIdentity {
  conversationId: string;
  channel: string;
  accountId: string;
  personId: string;
}

/** Conversation state in the compliance schema. */
export abstract class ConversationsRepository {
  /** Applies an event's change once: false when the event id was applied before. */
  abstract apply(eventId: string, conversation: ConversationIdentity, change: StateChange, at: Date): Promise<boolean>;
  abstract find(conversationId: string): Promise<ConversationState | null>;
  /** Deletes everything kept about one conversation; returns the number of rows removed. */
  abstract erase(conversationId: string): Promise<number>;
  /** Retention: conversations untouched since `cutoff`, their tokens, and old processed-event ids. */
  abstract purgeOlderThan(cutoff: Date): Promise<number>;
}
