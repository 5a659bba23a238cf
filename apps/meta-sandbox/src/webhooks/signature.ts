import { createHmac } from 'node:crypto';

export interface DeliverySignatures {
  /** Value of `X-Hub-Signature-256`. */
  sha256: string;
  /** Value of the legacy `X-Hub-Signature`, still sent alongside. */
  sha1: string;
}

/** Signs the exact body bytes with the app secret, as Meta does for every webhook delivery. */
export function signDelivery(body: string | Buffer, appSecret: string): DeliverySignatures {
  return {
    sha256: 'sha256=' + createHmac('sha256', appSecret).update(body).digest('hex'),
    sha1: 'sha1=' + createHmac('sha1', appSecret).update(body).digest('hex'),
  };
}

/** `appsecret_proof` for a Graph API call: hex HMAC-SHA256 of the access token keyed with the app secret. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}
