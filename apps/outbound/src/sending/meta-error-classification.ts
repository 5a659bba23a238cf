/**
 * What to do with a failed Send API call (meta-platform.md §6.2). Classification looks at Meta's `code` and
 * `error_subcode` only: `type`, message text and HTTP status are unreliable (most errors are HTTP 400).
 */

/** Meta's error object (`{"error": {...}}`), reduced to what classification needs. */
export interface MetaGraphError {
  readonly code: number;
  readonly subcode?: number | null;
  readonly message?: string;
  readonly isTransient?: boolean;
  readonly fbtraceId?: string;
}

/** Stable, CRM-readable reasons a message failed or waits. */
export type SendFailureReason =
  | 'rate_limited'
  | 'temporary_error'
  | 'outcome_unknown'
  | 'outside_window'
  | 'recipient_unreachable'
  | 'recipient_not_found'
  | 'invalid_request'
  | 'attachment_rejected'
  | 'permission_missing'
  | 'page_restricted'
  | 'instagram_access_disabled'
  | 'token_invalid'
  | 'unknown_error';

export type SendFailureClass =
  /** Try again after a backoff; `slow` waits longer and honours the usage headers. */
  | { readonly kind: 'retry'; readonly pace: 'normal' | 'slow'; readonly reason: SendFailureReason }
  | {
      readonly kind: 'permanent';
      readonly reason: SendFailureReason;
      /** The Page must stop sending for a while (policy block, restriction). */
      readonly pausePage: boolean;
    }
  /** The Page's token no longer works: fail, and tell tokens the connection needs re-authorisation. */
  | { readonly kind: 'token-invalid'; readonly reason: 'token_invalid' }
  /** Meta may have sent it: settle through the echo or the Conversations API before any retry. */
  | { readonly kind: 'outcome-unknown'; readonly reason: 'outcome_unknown' };

const retry = (reason: SendFailureReason, pace: 'normal' | 'slow' = 'normal'): SendFailureClass => ({
  kind: 'retry',
  pace,
  reason,
});
const permanent = (reason: SendFailureReason, pausePage = false): SendFailureClass => ({
  kind: 'permanent',
  reason,
  pausePage,
});
const TOKEN_INVALID: SendFailureClass = { kind: 'token-invalid', reason: 'token_invalid' };
const OUTCOME_UNKNOWN: SendFailureClass = { kind: 'outcome-unknown', reason: 'outcome_unknown' };

/** Throttling codes: app (4), user (17), Page (32), Send API (613), Business Use Case (80001/80002/80006). */
const THROTTLING_CODES = new Set([4, 9, 17, 32, 613, 80001, 80002, 80006]);

const SUBCODE_RULES: ReadonlyMap<string, SendFailureClass> = new Map([
  ['1/1357046', OUTCOME_UNKNOWN],
  ['2/2018344', permanent('permission_missing')],
  ['4/2018354', permanent('rate_limited')],
  ['10/2018278', permanent('outside_window')],
  ['10/2534022', permanent('outside_window')],
  ['10/2018065', permanent('outside_window')],
  ['10/2018108', permanent('recipient_unreachable')],
  ['10/1893063', permanent('page_restricted', true)],
  ['100/33', permanent('recipient_not_found')],
  ['100/2018001', permanent('recipient_not_found')],
  ['100/2534014', permanent('recipient_not_found')],
  ['100/2534029', permanent('recipient_unreachable')],
  ['100/2018109', permanent('attachment_rejected')],
  ['100/2018008', permanent('attachment_rejected')],
  ['100/2018047', permanent('attachment_rejected')],
  ['100/2018074', permanent('attachment_rejected')],
  ['100/2018294', permanent('attachment_rejected')],
  ['200/1545041', permanent('recipient_unreachable')],
  ['200/2534041', permanent('instagram_access_disabled')],
  ['551/1545041', permanent('recipient_unreachable')],
]);

const CODE_RULES: ReadonlyMap<number, SendFailureClass> = new Map([
  [1, retry('temporary_error')],
  [2, retry('temporary_error')],
  [10, permanent('permission_missing')],
  [100, permanent('invalid_request')],
  [190, TOKEN_INVALID],
  [200, permanent('permission_missing')],
  [230, permanent('permission_missing')],
  [368, permanent('page_restricted', true)],
  [551, permanent('recipient_unreachable')],
  [1200, retry('temporary_error')],
]);

export function classifyMetaError(error: MetaGraphError): SendFailureClass {
  const bySubcode = error.subcode ? SUBCODE_RULES.get(`${error.code}/${error.subcode}`) : undefined;
  if (bySubcode) return bySubcode;
  if (THROTTLING_CODES.has(error.code)) return retry('rate_limited', 'slow');
  const byCode = CODE_RULES.get(error.code);
  if (byCode) return byCode;
  // Instagram marks some otherwise unlisted errors as transient.
  if (error.isTransient) return retry('temporary_error');
  return permanent('unknown_error');
}

/** A Send API call that did not end with a Meta error body. */
export type TransportFailure =
  /** No connection, or the connection failed before the request was written: Meta never saw it. */
  | { readonly kind: 'not-sent' }
  /** A timeout or reset after the request left: Meta may have sent the message. */
  | { readonly kind: 'no-answer' }
  /** An HTTP status without a Meta error body (a proxy's 502, a 5xx page). */
  | { readonly kind: 'http'; readonly status: number };

export function classifyTransportFailure(failure: TransportFailure): SendFailureClass {
  switch (failure.kind) {
    case 'not-sent':
      return retry('temporary_error');
    case 'no-answer':
      return OUTCOME_UNKNOWN;
    case 'http':
      if (failure.status === 429) return retry('rate_limited', 'slow');
      // A gateway error may come after Meta accepted the message; 500 is Meta refusing before it did anything.
      if (failure.status === 502 || failure.status === 504) return OUTCOME_UNKNOWN;
      if (failure.status >= 500) return retry('temporary_error');
      return permanent('unknown_error');
  }
}
