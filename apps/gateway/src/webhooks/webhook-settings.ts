import { WebhookBodyLimits } from '@app/meta';

/** What the webhook feature needs from the gateway's configuration, read once at boot. */
export class WebhookSettings {
  /** The app secret, and during a rotation the previous one too. */
  appSecrets: readonly string[];
  verifyToken: string;
  bodyLimits: WebhookBodyLimits;
  /** Meta waits about 5 s; answering 503 before that lets it redeliver instead of timing out. */
  publishTimeoutMs: number;
  dedupeWindowSeconds: number;
  /** The dedupe lookup is an optimization: past this, publish anyway. */
  dedupeLookupTimeoutMs: number;
  /** Base URL of Parley as Meta and people see it (for the data-deletion status link). */
  publicUrl: string;
}
