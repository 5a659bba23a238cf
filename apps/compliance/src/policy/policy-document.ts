import { PolicySettings } from '../common/policy-settings';
import { DECISION_REASONS, DECISION_RULES } from '../decisions/decide';
import { ACTIVE_TAGS, RETIRED_TAGS } from '../decisions/messaging-policy';

const SECONDS = 1000;

export interface TagRule {
  tag: string;
  status: 'active' | 'retired';
  channels: string[];
  windowSeconds: number | null;
  note: string;
}

export interface PolicyDocument {
  standardWindowSeconds: number;
  adWindowSeconds: number;
  tags: TagRule[];
  optOutKeywords: string[];
  optOutKeywordsByAccount: Record<string, string[]>;
  optInKeywords: string[];
  volume: {
    pageMessagesPerSecondLimit: number;
    instagramVolumeLimit: number;
    instagramVolumeWindowSeconds: number;
    warnRatio: number;
    denyRatio: number;
  };
  retention: { windowSeconds: number; auditSeconds: number };
  rules: string[];
  reasons: string[];
}

const TAG_NOTES: Record<string, string> = {
  HUMAN_AGENT: 'Only for replies written by a person, up to 7 days after the last message of the person.',
  CUSTOMER_FEEDBACK: 'Messenger only, with the customer feedback template.',
};

/** The rules in force, machine-readable, exactly as `decide` applies them. */
export function policyDocument(settings: PolicySettings): PolicyDocument {
  const { policy } = settings;
  return {
    standardWindowSeconds: policy.standardWindowMs / SECONDS,
    adWindowSeconds: policy.adWindowMs / SECONDS,
    tags: [
      ...Object.entries(ACTIVE_TAGS).map(([tag, channels]) => ({
        tag,
        status: 'active' as const,
        channels: [...channels],
        windowSeconds: policy.tagWindowMs / SECONDS,
        note: TAG_NOTES[tag] ?? '',
      })),
      ...RETIRED_TAGS.map((tag) => ({
        tag,
        status: 'retired' as const,
        channels: [],
        windowSeconds: null,
        note: 'Retired by Meta on 2026-04-27; the Send API answers error 100.',
      })),
    ],
    optOutKeywords: [...policy.optOutKeywords],
    optOutKeywordsByAccount: Object.fromEntries(
      Object.entries(settings.optOutKeywordsByAccount).map(([account, words]) => [account, [...words]]),
    ),
    optInKeywords: [...policy.optInKeywords],
    volume: {
      pageMessagesPerSecondLimit: policy.volume.pageMessagesPerSecondLimit,
      instagramVolumeLimit: policy.volume.instagramVolumeLimit,
      instagramVolumeWindowSeconds: policy.volume.instagramVolumeWindowMs / SECONDS,
      warnRatio: policy.volume.warnRatio,
      denyRatio: policy.volume.denyRatio,
    },
    retention: {
      windowSeconds: settings.windowRetentionMs / SECONDS,
      auditSeconds: settings.auditRetentionMs / SECONDS,
    },
    rules: [...DECISION_RULES],
    reasons: [...DECISION_REASONS],
  };
}
