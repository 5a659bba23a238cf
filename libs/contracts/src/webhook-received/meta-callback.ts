import { deterministicEventId } from '../event-id';

/**
 * `meta.callback.received.v1`: Meta's deauthorize and data-deletion callbacks (a `signed_request`),
 * verified, for tokens (revoke the connection) and compliance (record and honour the deletion).
 * Key = `appScopedUserId`.
 */
export type MetaCallbackKind = 'deauthorize' | 'data_deletion';

export interface MetaCallbackEvent {
  /** Deterministic from the signed request: Meta retrying the callback yields the same id. Equals `ce_id`. */
  callbackId: string;
  kind: MetaCallbackKind;
  /** The app-scoped user id (ASID) of the Facebook user; not a PSID. */
  appScopedUserId: string;
  issuedAt: string | null;
  receivedAt: string;
  /** Data deletion: the code returned to Meta, shown to the person on the status page. */
  confirmationCode: string | null;
  /** Data deletion: where the person checks the status of the request. */
  statusUrl: string | null;
  /** The decoded `signed_request` payload. */
  payload: { [key: string]: unknown };
}

export function metaCallbackId(kind: MetaCallbackKind, encodedPayload: string): string {
  return deterministicEventId(`meta.callback.received.v1|${kind}|${encodedPayload}`);
}

/** An alphanumeric tracking code derived from the callback id, so a retried callback gets the same code. */
export function deletionConfirmationCode(callbackId: string): string {
  return callbackId.replace(/-/g, '').slice(0, 16).toUpperCase();
}

export const metaCallbackSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parley:schema:meta.callback.received.v1',
  title: 'MetaCallbackEvent',
  description: "Meta's deauthorize or data-deletion callback, verified. Key = appScopedUserId; ce_id = callbackId.",
  type: 'object',
  required: [
    'callbackId',
    'kind',
    'appScopedUserId',
    'issuedAt',
    'receivedAt',
    'confirmationCode',
    'statusUrl',
    'payload',
  ],
  properties: {
    callbackId: { type: 'string', format: 'uuid' },
    kind: { enum: ['deauthorize', 'data_deletion'] },
    appScopedUserId: { type: 'string', minLength: 1 },
    issuedAt: { oneOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] },
    receivedAt: { type: 'string', format: 'date-time' },
    confirmationCode: { type: ['string', 'null'] },
    statusUrl: { type: ['string', 'null'] },
    payload: { type: 'object' },
  },
};
