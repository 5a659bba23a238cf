import { createHash } from 'node:crypto';
import { deterministicEventId } from '../event-id';

/**
 * `meta.webhook.received.v1`: every verified Meta webhook delivery, value = the request body bytes
 * exactly as received (so the signature still verifies and the delivery can be replayed), metadata
 * in CloudEvents headers. Key = `<channel>:<first entry id>` (`<channel>` for a delivery without entries).
 */
export const WEBHOOK_RECEIVED_CONTENT_TYPE = 'application/json';

/** Header that carries Meta's `X-Hub-Signature-256` along with the record, for consumers that re-verify. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-hub-signature-256';

/** `ce_id` of a received delivery: the same bytes always give the same id. */
export function webhookDeliveryId(rawBody: Uint8Array): string {
  const digest = createHash('sha256').update(rawBody).digest('hex');
  return deterministicEventId(`meta.webhook.received.v1|${digest}`);
}

export function webhookReceivedKey(channel: 'messenger' | 'instagram', firstAccountId: string | null): string {
  return firstAccountId ? `${channel}:${firstAccountId}` : channel;
}
