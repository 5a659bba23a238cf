import { PolicySettings } from '../common/policy-settings';
import { DEFAULT_MESSAGING_POLICY } from '../decisions/messaging-policy';
import { ComplianceConfig } from './compliance.config';

const DAY_MS = 86_400_000;

function list(value: string): string[] {
  return value
    .split(/[,|]/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/** `1122=STOP|BASTA;1789=STOP` → { 1122: [STOP, BASTA], 1789: [STOP] }. */
export function parseKeywordsByAccount(value: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const entry of value.split(';')) {
    const [account, words] = entry.split('=');
    if (account?.trim() && words !== undefined) result[account.trim()] = list(words);
  }
  return result;
}

export function policySettingsFrom(config: ComplianceConfig): PolicySettings {
  return {
    policy: {
      ...DEFAULT_MESSAGING_POLICY,
      optOutKeywords: list(config.OPT_OUT_KEYWORDS),
      optInKeywords: list(config.OPT_IN_KEYWORDS),
      volume: {
        ...DEFAULT_MESSAGING_POLICY.volume,
        warnRatio: config.VOLUME_WARN_RATIO,
        denyRatio: config.VOLUME_DENY_RATIO,
      },
    },
    optOutKeywordsByAccount: parseKeywordsByAccount(config.OPT_OUT_KEYWORDS_BY_ACCOUNT),
    windowRetentionMs: config.WINDOW_RETENTION_DAYS * DAY_MS,
    auditRetentionMs: config.AUDIT_RETENTION_DAYS * DAY_MS,
    retentionSweepIntervalMs: config.RETENTION_SWEEP_INTERVAL_SECONDS * 1000,
    publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    erasureApps: list(config.ERASURE_APPS),
  };
}
