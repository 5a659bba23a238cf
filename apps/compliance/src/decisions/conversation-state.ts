import { InboundChannel, InboundEvent } from '@app/contracts';

export interface NotificationToken {
  token: string;
  expiresAt: Date | null;
  /** False once the person tapped STOP NOTIFICATIONS. */
  active: boolean;
  /** When the person last changed this token's status: later changes win, whatever the arrival order. */
  changedAt: Date;
}

/** What compliance knows of one conversation, built from inbound events in any order. */
export interface ConversationState {
  conversationId: string;
  channel: InboundChannel;
  accountId: string;
  personId: string;
  /** Last message, postback, reaction, referral or plugin opt-in of the person: opens the windows. */
  lastUserActionAt: Date | null;
  /** Last user action that came from a click-to-Messenger / click-to-Direct ad. */
  adReferralAt: Date | null;
  optedOutAt: Date | null;
  optedInAt: Date | null;
  notificationTokens: NotificationToken[];
}

/** The effect of one inbound event on its conversation, independent of the state it lands on. */
export interface StateChange {
  userActionAt: Date | null;
  adReferralAt: Date | null;
  optedOutAt: Date | null;
  optedInAt: Date | null;
  token: NotificationToken | null;
}

export const NO_CHANGE: StateChange = {
  userActionAt: null,
  adReferralAt: null,
  optedOutAt: null,
  optedInAt: null,
  token: null,
};

export interface KeywordLists {
  optOutKeywords: readonly string[];
  optInKeywords: readonly string[];
}

function isAdReferral(referral: { source: string | null; adId: string | null } | null): boolean {
  return referral !== null && (referral.source?.toUpperCase() === 'ADS' || referral.adId !== null);
}

function normalizedText(text: string | null): string {
  return (text ?? '')
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();
}

/**
 * Which part of the state an event moves (meta-platform.md §5.1). Echoes, reads, deliveries, edits and
 * handovers are not actions of the person and never open a window; events in standby still do, since
 * the window belongs to the Page, not to the app that owns the thread.
 */
export function stateChangeOf(event: InboundEvent, keywords: KeywordLists): StateChange {
  if (event.isEcho || event.personId === null) return NO_CHANGE;
  const at = new Date(event.occurredAt);
  switch (event.kind) {
    case 'message': {
      const text = normalizedText(event.message.text);
      return {
        ...NO_CHANGE,
        userActionAt: at,
        adReferralAt: isAdReferral(event.message.referral) ? at : null,
        optedOutAt: keywords.optOutKeywords.some((k) => k.toUpperCase() === text) ? at : null,
        optedInAt: keywords.optInKeywords.some((k) => k.toUpperCase() === text) ? at : null,
      };
    }
    case 'postback':
      return { ...NO_CHANGE, userActionAt: at, adReferralAt: isAdReferral(event.postback.referral) ? at : null };
    case 'referral':
      return { ...NO_CHANGE, userActionAt: at, adReferralAt: isAdReferral(event.referral) ? at : null };
    case 'reaction':
      return event.reaction.action === 'react' ? { ...NO_CHANGE, userActionAt: at } : NO_CHANGE;
    case 'optin':
      return optinChange(event.optin, at);
    default:
      return NO_CHANGE;
  }
}

function optinChange(
  optin: {
    type: string | null;
    notificationMessagesToken: string | null;
    notificationMessagesStatus: string | null;
    tokenExpiresAt: string | null;
  },
  at: Date,
): StateChange {
  if (optin.type === 'notification_messages' && optin.notificationMessagesToken) {
    return {
      ...NO_CHANGE,
      token: {
        token: optin.notificationMessagesToken,
        expiresAt: optin.tokenExpiresAt ? new Date(optin.tokenExpiresAt) : null,
        active: normalizedText(optin.notificationMessagesStatus) !== 'STOP NOTIFICATIONS',
        changedAt: at,
      },
    };
  }
  // A checkbox or Send-to-Messenger opt-in is an action of the person (§5.1).
  return optin.type === null ? { ...NO_CHANGE, userActionAt: at } : NO_CHANGE;
}

function later(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

/** Applies a change; commutative and idempotent, so redelivered or reordered events give the same state. */
export function mergeState(state: ConversationState, change: StateChange): ConversationState {
  return {
    ...state,
    lastUserActionAt: later(state.lastUserActionAt, change.userActionAt),
    adReferralAt: later(state.adReferralAt, change.adReferralAt),
    optedOutAt: later(state.optedOutAt, change.optedOutAt),
    optedInAt: later(state.optedInAt, change.optedInAt),
    notificationTokens: change.token ? mergeToken(state.notificationTokens, change.token) : state.notificationTokens,
  };
}

function mergeToken(tokens: readonly NotificationToken[], next: NotificationToken): NotificationToken[] {
  const current = tokens.find((t) => t.token === next.token);
  if (!current) return [...tokens, next];
  const winner =
    next.changedAt.getTime() > current.changedAt.getTime() ||
    (next.changedAt.getTime() === current.changedAt.getTime() && !next.active)
      ? next
      : current;
  return tokens.map((t) => (t.token === next.token ? winner : t));
}

export function emptyState(event: {
  conversationId: string;
  channel: InboundChannel;
  accountId: string;
  personId: string;
}): ConversationState {
  return {
    conversationId: event.conversationId,
    channel: event.channel,
    accountId: event.accountId,
    personId: event.personId,
    lastUserActionAt: null,
    adReferralAt: null,
    optedOutAt: null,
    optedInAt: null,
    notificationTokens: [],
  };
}

/** Opted out when the last opt-out is later than the last opt-in; ties count as opted out. */
export function isOptedOut(state: Pick<ConversationState, 'optedOutAt' | 'optedInAt'>): boolean {
  if (state.optedOutAt === null) return false;
  return state.optedInAt === null || state.optedOutAt.getTime() >= state.optedInAt.getTime();
}
