import { ConversationMessage } from '../conversations/recent-messages';

/** What the conversation, as Meta shows it, says about a send whose answer was lost. */
export type Settlement =
  | { readonly kind: 'sent'; readonly metaMessageId: string; readonly sentAt: Date }
  | { readonly kind: 'not-sent' }
  | { readonly kind: 'unknown' };

export interface LostSend {
  /** The account that sent (Page or Instagram account id): the `from` of its messages. */
  accountId: string;
  /** The text sent, or null for content the Conversations API does not show as text (attachments, templates). */
  text: string | null;
  /** When the call that lost its answer started. */
  attemptedAt: Date;
}

/** Meta gives `created_time` to the second, and its clock is not ours. */
const CLOCK_SLACK_MS = 2000;

/**
 * Settles a lost send from the conversation's newest messages (the Conversations API serves at most
 * `readable` of them). A message of the account after the attempt with the same text proves the send.
 * Proving it was *not* sent needs the whole span since the attempt in view (an older message, or fewer
 * than `readable` in all) and no message of the account in that span at all: Meta may show a sent text
 * slightly altered, and shows attachments and templates without text. Anything less leaves the outcome
 * unknown, because a duplicate is worse than a message reported as failed.
 */
export function settleLostSend(recent: readonly ConversationMessage[], lost: LostSend, readable: number): Settlement {
  const since = lost.attemptedAt.getTime() - CLOCK_SLACK_MS;
  const timeOf = (m: ConversationMessage) => (m.createdAt === null ? NaN : Date.parse(m.createdAt));
  const ours = recent.filter((m) => m.fromId === lost.accountId && !(timeOf(m) < since));
  const match = lost.text === null ? undefined : ours.find((m) => m.text === lost.text);
  if (match) {
    const at = timeOf(match);
    return { kind: 'sent', metaMessageId: match.id, sentAt: Number.isNaN(at) ? lost.attemptedAt : new Date(at) };
  }
  const spanInView = recent.length < readable || recent.some((m) => timeOf(m) < since);
  return spanInView && ours.length === 0 ? { kind: 'not-sent' } : { kind: 'unknown' };
}
