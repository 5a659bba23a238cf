import { InboundChannel, MessagingType } from '@app/contracts';
import { ConversationState, isOptedOut } from './conversation-state';
import { ACTIVE_TAGS, CUSTOMER_FEEDBACK_TEMPLATE, MessagingPolicy, RETIRED_TAGS } from './messaging-policy';
import { isBlocked, PageEnforcement } from './page-enforcement';
import { VolumeAssessment } from './volume';

export const DECISION_RULES = [
  'user_initiated',
  'opt_out',
  'standard_window',
  'ad_window',
  'human_agent_tag',
  'customer_feedback_tag',
  'retired_tags',
  'unknown_tag',
  'notification_token',
  'high_volume',
  'policy_enforcement',
] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

export const DECISION_REASONS = [
  'window_open',
  'ad_window_open',
  'window_closed',
  'never_wrote',
  'opted_out',
  'tag_missing',
  'tag_retired',
  'tag_unknown',
  'tag_not_on_channel',
  'tag_window_open',
  'tag_window_closed',
  'human_agent_requires_human',
  'customer_feedback_requires_template',
  'notification_token_valid',
  'notification_token_unknown',
  'notification_token_stopped',
  'notification_token_expired',
  'notification_token_not_on_channel',
  'volume_over_limit',
  'page_blocked',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export interface SendRequest {
  channel: InboundChannel;
  messagingType: MessagingType;
  tag: string | null;
  isHumanAgent: boolean;
  notificationToken: string | null;
  /** The message's `template_type` when it is a template, else null. */
  templateType: string | null;
}

export interface Decision {
  allowed: boolean;
  reason: DecisionReason;
  rule: DecisionRule;
  /** Allowed: when the permission ends. Denied: null. */
  deadline: Date | null;
}

function allow(reason: DecisionReason, rule: DecisionRule, deadline: Date | null): Decision {
  return { allowed: true, reason, rule, deadline };
}

function deny(reason: DecisionReason, rule: DecisionRule): Decision {
  return { allowed: false, reason, rule, deadline: null };
}

function plus(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

/** Open while `now` is before the end: one second before is allowed, the end itself is not. */
function openUntil(from: Date | null, ms: number, now: Date): Date | null {
  if (from === null) return null;
  const end = plus(from, ms);
  return now.getTime() < end.getTime() ? end : null;
}

/**
 * May this message be sent now (meta-platform.md §5)? Checks, in order: a Page Meta blocked, retired
 * tags, notification tokens, opt-out, a person who never wrote, the high-volume guard, then the windows
 * and tags.
 */
export function decide(
  state: ConversationState | null,
  request: SendRequest,
  now: Date,
  policy: MessagingPolicy,
  volume: VolumeAssessment | null = null,
  enforcement: PageEnforcement | null = null,
): Decision {
  if (isBlocked(enforcement)) return deny('page_blocked', 'policy_enforcement');
  const tag = request.messagingType === 'MESSAGE_TAG' ? (request.tag?.toUpperCase() ?? null) : null;
  if (tag !== null && RETIRED_TAGS.includes(tag)) return deny('tag_retired', 'retired_tags');
  if (request.notificationToken !== null) return decideNotification(state, request, now);
  if (state === null || state.lastUserActionAt === null) return deny('never_wrote', 'user_initiated');
  // An opted-out person may still get the answer to their own message (e.g. the confirmation of STOP).
  if (isOptedOut(state) && request.messagingType !== 'RESPONSE') return deny('opted_out', 'opt_out');
  if (volume?.level === 'deny' && request.messagingType !== 'RESPONSE') return deny('volume_over_limit', 'high_volume');
  if (request.messagingType === 'MESSAGE_TAG') return decideTag(state, request, tag, now, policy);
  const standard = openUntil(state.lastUserActionAt, policy.standardWindowMs, now);
  if (standard) return allow('window_open', 'standard_window', standard);
  const ad = openUntil(state.adReferralAt, policy.adWindowMs, now);
  if (ad) return allow('ad_window_open', 'ad_window', ad);
  return deny('window_closed', 'standard_window');
}

function decideTag(
  state: ConversationState,
  request: SendRequest,
  tag: string | null,
  now: Date,
  policy: MessagingPolicy,
): Decision {
  if (tag === null) return deny('tag_missing', 'unknown_tag');
  const channels = ACTIVE_TAGS[tag];
  if (!channels) return deny('tag_unknown', 'unknown_tag');
  const rule: DecisionRule = tag === 'HUMAN_AGENT' ? 'human_agent_tag' : 'customer_feedback_tag';
  if (!channels.includes(request.channel)) return deny('tag_not_on_channel', rule);
  if (tag === 'HUMAN_AGENT' && !request.isHumanAgent) return deny('human_agent_requires_human', rule);
  if (tag === 'CUSTOMER_FEEDBACK' && request.templateType !== CUSTOMER_FEEDBACK_TEMPLATE) {
    return deny('customer_feedback_requires_template', rule);
  }
  const until = openUntil(state.lastUserActionAt, policy.tagWindowMs, now);
  return until ? allow('tag_window_open', rule, until) : deny('tag_window_closed', rule);
}

function decideNotification(state: ConversationState | null, request: SendRequest, now: Date): Decision {
  // Marketing messages exist on Messenger only (§5.3).
  if (request.channel !== 'messenger') return deny('notification_token_not_on_channel', 'notification_token');
  const token = state?.notificationTokens.find((t) => t.token === request.notificationToken);
  if (!state || !token) return deny('notification_token_unknown', 'notification_token');
  if (isOptedOut(state)) return deny('opted_out', 'opt_out');
  if (!token.active) return deny('notification_token_stopped', 'notification_token');
  if (token.expiresAt !== null && now.getTime() >= token.expiresAt.getTime()) {
    return deny('notification_token_expired', 'notification_token');
  }
  return allow('notification_token_valid', 'notification_token', token.expiresAt);
}

export interface WindowView {
  open: boolean;
  closesAt: Date | null;
  humanAgentUntil: Date | null;
  adWindowUntil: Date | null;
  optedOut: boolean;
  lastUserActionAt: Date | null;
}

/** What a CRM sees of a conversation's windows at `now`. */
export function windowView(state: ConversationState | null, now: Date, policy: MessagingPolicy): WindowView {
  const standard = openUntil(state?.lastUserActionAt ?? null, policy.standardWindowMs, now);
  const ad = openUntil(state?.adReferralAt ?? null, policy.adWindowMs, now);
  return {
    open: standard !== null || ad !== null,
    closesAt: standard && ad ? (standard > ad ? standard : ad) : (standard ?? ad),
    humanAgentUntil: openUntil(state?.lastUserActionAt ?? null, policy.tagWindowMs, now),
    adWindowUntil: ad,
    optedOut: state ? isOptedOut(state) : false,
    lastUserActionAt: state?.lastUserActionAt ?? null,
  };
}
