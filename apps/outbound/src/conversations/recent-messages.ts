import { AccountAccess } from '../accounts/page-tokens';
import { GraphApi } from './graph-api';

/** Meta serves only this many of a conversation's newest messages in detail (meta-platform.md §9). */
export const READABLE_MESSAGES = 20;

export interface ConversationMessage {
  id: string;
  createdAt: string | null;
  fromId: string | null;
  text: string | null;
}

type GraphList<T> = { data?: T[] };
type GraphMessage = { id: string; created_time?: string; from?: { id?: string }; message?: string };

/**
 * The newest messages of the account's conversation with a person, newest first, through the
 * Conversations API; null when Meta knows no such conversation.
 */
export async function readRecentMessages(
  graph: GraphApi,
  access: AccountAccess,
  personId: string,
): Promise<ConversationMessage[] | null> {
  const threads = await graph.get<GraphList<{ id: string }>>(access, `${access.pageId}/conversations`, {
    platform: access.channel,
    user_id: personId,
  });
  const thread = threads.data?.[0];
  if (!thread) return null;
  const messages = await graph.get<GraphList<GraphMessage>>(access, `${thread.id}/messages`, {
    fields: 'id,created_time,from,message',
    limit: READABLE_MESSAGES,
  });
  return (messages.data ?? []).map((m) => ({
    id: m.id,
    createdAt: m.created_time ?? null,
    fromId: m.from?.id ?? null,
    text: m.message ?? null,
  }));
}
