import { WindowRule } from '../limits/rate-window';
import { RetryPolicy } from '../webhooks/retry-policy';

export interface LimitRules {
  /** App-level platform limit (code 4, `X-App-Usage`). */
  app: WindowRule;
  /** Send API text, links, reactions, stickers per Page (code 613). */
  messengerSend: WindowRule;
  /** Send API audio/video per Page (code 613). */
  messengerSendMedia: WindowRule;
  /** Send API per Instagram account (code 613 / 2534040). */
  instagramSend: WindowRule;
  instagramSendMedia: WindowRule;
  /** Conversations API per Page or Instagram account (code 613). */
  conversations: WindowRule;
  /** Business Use Case limit: calls per engaged user (people with a scoped id) per window (80006 / 80002). */
  businessUseCase: WindowRule;
}

export interface DeliverySettings {
  pollMs: number;
  timeoutMs: number;
  maxEventsPerDelivery: number;
  retry: RetryPolicy;
  /** Meta unsubscribes an app from its Pages after this much continuous failure. */
  disableAfterMs: number;
  /** Delay before the delivery receipt of a Page's message; null: none. */
  deliveryReceiptDelayMs: number | null;
  /** Delay before the person reads a Page's message; null: never on their own. */
  readReceiptDelayMs: number | null;
  /** False: deliveries happen only on `POST /_sandbox/deliveries/flush`. */
  autoDeliver: boolean;
}

export interface TokenSettings {
  shortLivedUserTokenSeconds: number;
  longLivedUserTokenSeconds: number;
  shortLivedPageTokenSeconds: number;
}

export interface DemoSeed {
  appId: string;
  appSecret: string;
  verifyToken: string;
  callbackUrl: string;
}

/** Everything the sandbox reads from configuration, resolved once at boot. */
export class SandboxSettings {
  constructor(
    readonly limits: LimitRules,
    readonly delivery: DeliverySettings,
    readonly tokens: TokenSettings,
    /** Seeds the demo world at boot when set. */
    readonly demo: DemoSeed | null,
  ) {}
}

export const DEFAULT_LIMITS: LimitRules = {
  app: { limit: 20_000, windowMs: 60 * 60 * 1000 },
  messengerSend: { limit: 300, windowMs: 1000 },
  messengerSendMedia: { limit: 10, windowMs: 1000 },
  // The Instagram overview still says 100/s where the rate-limit page says 300/s; the stricter figure wins.
  instagramSend: { limit: 100, windowMs: 1000 },
  instagramSendMedia: { limit: 10, windowMs: 1000 },
  conversations: { limit: 2, windowMs: 1000 },
  businessUseCase: { limit: 200, windowMs: 24 * 60 * 60 * 1000 },
};

export const DEFAULT_DELIVERY: DeliverySettings = {
  pollMs: 100,
  timeoutMs: 5000,
  maxEventsPerDelivery: 100,
  retry: {
    immediateRetries: 3,
    immediateDelayMs: 1000,
    baseDelayMs: 15_000,
    maxDelayMs: 60 * 60 * 1000,
    horizonMs: 36 * 60 * 60 * 1000,
  },
  disableAfterMs: 60 * 60 * 1000,
  deliveryReceiptDelayMs: 1000,
  readReceiptDelayMs: 5000,
  autoDeliver: true,
};

export const DEFAULT_TOKENS: TokenSettings = {
  shortLivedUserTokenSeconds: 2 * 60 * 60,
  longLivedUserTokenSeconds: 5_183_944,
  shortLivedPageTokenSeconds: 60 * 60,
};

export const DEMO_SEED: DemoSeed = {
  appId: '900000000000001',
  appSecret: 'parley-sandbox-demo-app-secret-0001',
  verifyToken: 'parley-sandbox-verify-token',
  callbackUrl: 'http://127.0.0.1:3000/webhooks/meta',
};

/** Parses `<count>/<window ms>`, e.g. `300/1000`. */
export function parseWindowRule(value: string): WindowRule | null {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) return null;
  const rule = { limit: Number(match[1]), windowMs: Number(match[2]) };
  return rule.windowMs > 0 ? rule : null;
}
