import { InboundChannel } from '@app/contracts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The numbers Meta's messaging rules use (meta-platform.md §5, §7.3), overridable by configuration. */
export interface MessagingPolicy {
  standardWindowMs: number;
  /** HUMAN_AGENT and CUSTOMER_FEEDBACK: after the person's last action. */
  tagWindowMs: number;
  /** After the person's first message following a click-to-Messenger / click-to-Direct ad. */
  adWindowMs: number;
  /** Message text (trimmed, case-insensitive) that opts the person out. */
  optOutKeywords: readonly string[];
  /** Message text that opts the person back in. */
  optInKeywords: readonly string[];
  volume: VolumePolicy;
}

export interface VolumePolicy {
  /** Meta disables the Page inbox above this many messages per second. */
  pageMessagesPerSecondLimit: number;
  /** Meta disables the Instagram inbox above this many messages (sent and received) in the window. */
  instagramVolumeLimit: number;
  instagramVolumeWindowMs: number;
  /** Fractions of Meta's limits: warn at the first, deny non-response messages at the second. */
  warnRatio: number;
  denyRatio: number;
}

export const DEFAULT_MESSAGING_POLICY: MessagingPolicy = {
  standardWindowMs: 24 * HOUR_MS,
  tagWindowMs: 7 * DAY_MS,
  adWindowMs: 7 * DAY_MS,
  optOutKeywords: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'],
  optInKeywords: ['START', 'UNSTOP', 'SUBSCRIBE'],
  volume: {
    pageMessagesPerSecondLimit: 40,
    instagramVolumeLimit: 72_000,
    instagramVolumeWindowMs: DAY_MS,
    warnRatio: 0.6,
    denyRatio: 0.8,
  },
};

/** Tags Meta retired on 27 April 2026; the Send API answers error 100 for them. */
export const RETIRED_TAGS: readonly string[] = ['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'];

/** The only message CUSTOMER_FEEDBACK may carry: Meta's customer feedback template (`template_type`). */
export const CUSTOMER_FEEDBACK_TEMPLATE = 'customer_feedback';

export const ACTIVE_TAGS: Readonly<Record<string, readonly InboundChannel[]>> = {
  HUMAN_AGENT: ['messenger', 'instagram'],
  CUSTOMER_FEEDBACK: ['messenger'],
};
