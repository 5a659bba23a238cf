import { createHmac } from 'node:crypto';

/** `hex(HMAC-SHA256(app secret, access token))`, sent with every Graph call (meta-platform.md §8.7). */
export function appsecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}
