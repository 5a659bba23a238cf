import { WindowRule } from '../limits/rate-window';
import {
  DEFAULT_DELIVERY,
  DEFAULT_LIMITS,
  DEFAULT_TOKENS,
  DEMO_SEED,
  LimitRules,
  parseWindowRule,
  SandboxSettings,
} from '../common/sandbox-settings';

export type Env = Record<string, string | undefined>;

/** Every variable the sandbox reads, with its default, for the README table and the boot error. */
export const SANDBOX_ENV_DEFAULTS: Record<string, string> = {
  META_SANDBOX_SEED_DEMO: 'true',
  META_SANDBOX_DEMO_APP_ID: DEMO_SEED.appId,
  META_SANDBOX_DEMO_APP_SECRET: DEMO_SEED.appSecret,
  META_SANDBOX_DEMO_VERIFY_TOKEN: DEMO_SEED.verifyToken,
  META_SANDBOX_DEMO_CALLBACK_URL: DEMO_SEED.callbackUrl,
  META_SANDBOX_AUTO_DELIVER: 'true',
  META_SANDBOX_DELIVERY_POLL_MS: String(DEFAULT_DELIVERY.pollMs),
  META_SANDBOX_DELIVERY_TIMEOUT_MS: String(DEFAULT_DELIVERY.timeoutMs),
  META_SANDBOX_MAX_EVENTS_PER_DELIVERY: String(DEFAULT_DELIVERY.maxEventsPerDelivery),
  META_SANDBOX_RETRY_IMMEDIATE: String(DEFAULT_DELIVERY.retry.immediateRetries),
  META_SANDBOX_RETRY_IMMEDIATE_DELAY_MS: String(DEFAULT_DELIVERY.retry.immediateDelayMs),
  META_SANDBOX_RETRY_BASE_MS: String(DEFAULT_DELIVERY.retry.baseDelayMs),
  META_SANDBOX_RETRY_MAX_MS: String(DEFAULT_DELIVERY.retry.maxDelayMs),
  META_SANDBOX_RETRY_HORIZON_MS: String(DEFAULT_DELIVERY.retry.horizonMs),
  META_SANDBOX_DISABLE_AFTER_MS: String(DEFAULT_DELIVERY.disableAfterMs),
  META_SANDBOX_DELIVERY_RECEIPT_MS: String(DEFAULT_DELIVERY.deliveryReceiptDelayMs),
  META_SANDBOX_READ_RECEIPT_MS: String(DEFAULT_DELIVERY.readReceiptDelayMs),
  META_SANDBOX_LIMIT_APP: rule(DEFAULT_LIMITS.app),
  META_SANDBOX_LIMIT_MESSENGER_SEND: rule(DEFAULT_LIMITS.messengerSend),
  META_SANDBOX_LIMIT_MESSENGER_SEND_MEDIA: rule(DEFAULT_LIMITS.messengerSendMedia),
  META_SANDBOX_LIMIT_INSTAGRAM_SEND: rule(DEFAULT_LIMITS.instagramSend),
  META_SANDBOX_LIMIT_INSTAGRAM_SEND_MEDIA: rule(DEFAULT_LIMITS.instagramSendMedia),
  META_SANDBOX_LIMIT_CONVERSATIONS: rule(DEFAULT_LIMITS.conversations),
  META_SANDBOX_LIMIT_BUC_PER_USER: rule(DEFAULT_LIMITS.businessUseCase),
  META_SANDBOX_SHORT_USER_TOKEN_S: String(DEFAULT_TOKENS.shortLivedUserTokenSeconds),
  META_SANDBOX_LONG_USER_TOKEN_S: String(DEFAULT_TOKENS.longLivedUserTokenSeconds),
  META_SANDBOX_SHORT_PAGE_TOKEN_S: String(DEFAULT_TOKENS.shortLivedPageTokenSeconds),
};

function rule(r: WindowRule): string {
  return `${r.limit}/${r.windowMs}`;
}

const LIMIT_VARS: Record<keyof LimitRules, string> = {
  app: 'META_SANDBOX_LIMIT_APP',
  messengerSend: 'META_SANDBOX_LIMIT_MESSENGER_SEND',
  messengerSendMedia: 'META_SANDBOX_LIMIT_MESSENGER_SEND_MEDIA',
  instagramSend: 'META_SANDBOX_LIMIT_INSTAGRAM_SEND',
  instagramSendMedia: 'META_SANDBOX_LIMIT_INSTAGRAM_SEND_MEDIA',
  conversations: 'META_SANDBOX_LIMIT_CONVERSATIONS',
  businessUseCase: 'META_SANDBOX_LIMIT_BUC_PER_USER',
};

/**
 * Reads the sandbox's settings from the environment, validating every variable; the error names each bad
 * one. Receipt delays accept `off`. Limits are `<count>/<window ms>`.
 */
export function sandboxSettingsFromEnv(env: Env): SandboxSettings {
  const problems: string[] = [];
  const raw = (name: string) => env[name] ?? SANDBOX_ENV_DEFAULTS[name];
  const int = (name: string, min = 0): number => {
    const value = raw(name);
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min) problems.push(`${name} must be an integer ≥ ${min} (got "${value}")`);
    return n;
  };
  const delay = (name: string): number | null => (raw(name) === 'off' ? null : int(name));
  const bool = (name: string): boolean => {
    const value = raw(name);
    if (value !== 'true' && value !== 'false') problems.push(`${name} must be true or false (got "${value}")`);
    return value === 'true';
  };
  const text = (name: string): string => {
    const value = raw(name);
    if (value === '') problems.push(`${name} must not be empty`);
    return value;
  };
  const url = (name: string): string => {
    const value = raw(name);
    if (!/^https?:\/\/\S+$/.test(value)) problems.push(`${name} must be an http(s) URL (got "${value}")`);
    return value;
  };
  const limits = Object.fromEntries(
    Object.entries(LIMIT_VARS).map(([key, name]) => {
      const parsed = parseWindowRule(raw(name));
      if (!parsed) problems.push(`${name} must look like <count>/<window ms> (got "${raw(name)}")`);
      return [key, parsed ?? { limit: 0, windowMs: 1 }];
    }),
  ) as unknown as LimitRules;
  const appId = text('META_SANDBOX_DEMO_APP_ID');
  if (!/^\d{5,16}$/.test(appId)) problems.push(`META_SANDBOX_DEMO_APP_ID must be a numeric app id (got "${appId}")`);
  const settings = new SandboxSettings(
    limits,
    {
      pollMs: int('META_SANDBOX_DELIVERY_POLL_MS', 1),
      timeoutMs: int('META_SANDBOX_DELIVERY_TIMEOUT_MS', 1),
      maxEventsPerDelivery: int('META_SANDBOX_MAX_EVENTS_PER_DELIVERY', 1),
      retry: {
        immediateRetries: int('META_SANDBOX_RETRY_IMMEDIATE'),
        immediateDelayMs: int('META_SANDBOX_RETRY_IMMEDIATE_DELAY_MS'),
        baseDelayMs: int('META_SANDBOX_RETRY_BASE_MS', 1),
        maxDelayMs: int('META_SANDBOX_RETRY_MAX_MS', 1),
        horizonMs: int('META_SANDBOX_RETRY_HORIZON_MS', 1),
      },
      disableAfterMs: int('META_SANDBOX_DISABLE_AFTER_MS', 1),
      deliveryReceiptDelayMs: delay('META_SANDBOX_DELIVERY_RECEIPT_MS'),
      readReceiptDelayMs: delay('META_SANDBOX_READ_RECEIPT_MS'),
      autoDeliver: bool('META_SANDBOX_AUTO_DELIVER'),
    },
    {
      shortLivedUserTokenSeconds: int('META_SANDBOX_SHORT_USER_TOKEN_S', 1),
      longLivedUserTokenSeconds: int('META_SANDBOX_LONG_USER_TOKEN_S', 1),
      shortLivedPageTokenSeconds: int('META_SANDBOX_SHORT_PAGE_TOKEN_S', 1),
    },
    bool('META_SANDBOX_SEED_DEMO')
      ? {
          appId,
          appSecret: text('META_SANDBOX_DEMO_APP_SECRET'),
          verifyToken: text('META_SANDBOX_DEMO_VERIFY_TOKEN'),
          callbackUrl: url('META_SANDBOX_DEMO_CALLBACK_URL'),
        }
      : null,
  );
  if (problems.length) throw new Error(`Invalid meta-sandbox configuration:\n- ${problems.join('\n- ')}`);
  return settings;
}
