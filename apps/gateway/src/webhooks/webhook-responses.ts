import { DomainError, ErrorCode } from '@app/errors';
import { CallbackOutcome } from './meta-callback.service';
import { IntakeOutcome } from './webhook-intake.service';

const CODE_BY_STATUS: Readonly<Record<400 | 401 | 403 | 413 | 503, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  413: 'payload_too_large',
  503: 'unavailable',
};

const DETAILS: Readonly<Record<string, string>> = {
  missing: 'The X-Hub-Signature-256 header is missing.',
  malformed: 'The X-Hub-Signature-256 header is not sha256=<64 hex digits>.',
  mismatch: 'The signature does not match the body.',
  kafka_unavailable: 'The delivery could not be stored; Meta will redeliver it.',
  verification_refused: 'Wrong hub.mode or hub.verify_token.',
  bad_signature: 'The signed_request signature does not match.',
};

/** A refused delivery as RFC 9457 problem details; `reason` says exactly why (and is the metric label). */
export function webhookProblem(status: 400 | 401 | 403 | 413 | 503, reason: string): DomainError {
  return new DomainError(CODE_BY_STATUS[status], DETAILS[reason] ?? `The delivery was refused: ${reason}.`, { reason });
}

/** Meta wants a 200 with any body once the delivery is safe; every other outcome is a problem. */
export function intakeProblem(outcome: IntakeOutcome): DomainError | null {
  return outcome.status === 200 ? null : webhookProblem(outcome.status, outcome.reason);
}

export function callbackResponse(outcome: CallbackOutcome): object {
  if (outcome.status === 200) return outcome.body;
  throw webhookProblem(outcome.status, outcome.reason);
}
