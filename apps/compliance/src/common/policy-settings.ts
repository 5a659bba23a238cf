import { KeywordLists } from '../decisions/conversation-state';
import { MessagingPolicy } from '../decisions/messaging-policy';

/** The rules and housekeeping numbers compliance runs with, built once from the app's configuration. */
export class PolicySettings {
  policy!: MessagingPolicy;
  /** Opt-out keywords of a tenant's account (Page or Instagram account id), replacing the default list. */
  optOutKeywordsByAccount!: Readonly<Record<string, readonly string[]>>;
  windowRetentionMs!: number;
  auditRetentionMs!: number;
  retentionSweepIntervalMs!: number;
  /** Base URL people and Meta reach this app at (erasure status links). */
  publicUrl!: string;
  /** Apps that must report before an erasure request counts as completed. */
  erasureApps!: readonly string[];
}

export function keywordsFor(settings: PolicySettings, accountId: string): KeywordLists {
  return {
    optOutKeywords: settings.optOutKeywordsByAccount[accountId] ?? settings.policy.optOutKeywords,
    optInKeywords: settings.policy.optInKeywords,
  };
}
