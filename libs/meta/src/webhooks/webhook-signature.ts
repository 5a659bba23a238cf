import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'mismatch';

const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * Checks Meta's `X-Hub-Signature-256` over the body bytes exactly as received. Meta signs its own
 * serialization (non-ASCII escaped as \uXXXX), so a re-serialized body would never match.
 * Several secrets are accepted so that an app secret can be rotated without losing deliveries in flight.
 * The legacy SHA-1 `X-Hub-Signature` is not accepted: Meta sends the SHA-256 header with every delivery.
 */
export function verifyWebhookSignature(
  rawBody: Uint8Array,
  header: string | undefined,
  secrets: readonly string[],
): SignatureCheck {
  if (header === undefined || header === '') return 'missing';
  const match = SIGNATURE_PATTERN.exec(header.trim());
  if (!match) return 'malformed';
  const given = Buffer.from(match[1], 'hex');
  let valid = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // Every secret is compared, so the time taken does not reveal which one matched.
    valid = timingSafeEqual(expected, given) || valid;
  }
  return valid ? 'valid' : 'mismatch';
}

/** The header value Meta would send for these bytes (used by the sandbox and the tests). */
export function signWebhookBody(rawBody: Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}
