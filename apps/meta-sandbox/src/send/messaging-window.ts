import { Channel, GraphError, GraphErrors } from '../graph/graph-error';
import { MessagingType } from './send-request';

export const STANDARD_WINDOW_MS = 24 * 60 * 60 * 1000;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface WindowInput {
  channel: Channel;
  messagingType: MessagingType | undefined;
  tag: string | undefined;
  /** Epoch ms of the person's last window-opening action (message, postback, reaction, referral, opt-in); null if never. */
  lastUserActionAt: number | null;
  now: number;
  humanAgentApproved: boolean;
}

/** Decides whether a message may be sent now (meta-platform.md §5); returns the error Meta would answer, or null. */
export function checkMessagingWindow(input: WindowInput): GraphError | null {
  const { lastUserActionAt, now, tag, channel } = input;
  const elapsed = lastUserActionAt === null ? Infinity : now - lastUserActionAt;
  if (tag === 'HUMAN_AGENT') {
    if (!input.humanAgentApproved) return GraphErrors.humanAgentNotApproved();
    return elapsed <= HUMAN_AGENT_WINDOW_MS ? null : GraphErrors.outsideWindow(channel);
  }
  if (tag === 'CUSTOMER_FEEDBACK') return elapsed <= HUMAN_AGENT_WINDOW_MS ? null : GraphErrors.outsideWindow(channel);
  return elapsed <= STANDARD_WINDOW_MS ? null : GraphErrors.outsideWindow(channel);
}
