import { signWebhookBody } from '@app/meta';

const PAGE_ID = '1122334455667788';

/**
 * The n-th benchmark delivery: one Messenger text message, unique mid, spread over 100 conversations,
 * serialized as Meta does (non-ASCII escaped), signed with the secret. About 400 bytes, like a real one.
 */
export function benchDelivery(n: number, secret: string): { body: Buffer; headers: Record<string, string> } {
  const psid = String(7_100_000_000_000_000 + (n % 100));
  const now = 1_780_000_000_000 + n;
  const body = Buffer.from(
    `{"object":"page","entry":[{"id":"${PAGE_ID}","time":${now},"messaging":[{"sender":{"id":"${psid}"},` +
      `"recipient":{"id":"${PAGE_ID}"},"timestamp":${now},"message":{"mid":"m_bench_${n}_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",` +
      `"text":"Ol\\u00e1, voc\\u00eas fazem entrega para S\\u00e3o Paulo? Pedido n\\u00ba ${n}"}}]}]}`,
  );
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(body, secret) },
  };
}
