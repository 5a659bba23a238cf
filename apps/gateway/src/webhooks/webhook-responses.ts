import { HttpException } from '@nestjs/common';
import { CallbackOutcome } from './meta-callback.service';
import { IntakeOutcome } from './webhook-intake.service';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  413: 'Payload Too Large',
  503: 'Service Unavailable',
};

/** RFC 9457 problem for a refused delivery; the reason is the stable code. */
export function webhookProblem(status: number, reason: string): HttpException {
  return new HttpException(
    { type: 'about:blank', title: TITLES[status] ?? 'Error', status, code: `webhook.${reason}`, detail: reason },
    status,
  );
}

/** Meta wants a 200 with any body once the delivery is safe; every other outcome becomes a problem. */
export function intakeResponse(outcome: IntakeOutcome): string {
  if (outcome.status === 200) return 'EVENT_RECEIVED';
  throw webhookProblem(outcome.status, outcome.reason);
}

export function callbackResponse(outcome: CallbackOutcome): object {
  if (outcome.status === 200) return outcome.body;
  throw webhookProblem(outcome.status, outcome.reason);
}
