import { IncomingMessage, ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, toProblemDetails } from '@app/errors';
import { REQUEST_ID_HEADER } from '@app/observability';
import { Logger } from '@nestjs/common';
import { traceOf } from './request-context.decorators';
import { IntakeOutcome, WebhookIntakeService } from './webhook-intake.service';
import { intakeProblem, webhookProblem } from './webhook-responses';

export const WEBHOOK_PATH = '/webhooks/meta';

type Next = (error?: unknown) => void;
const logger = new Logger('WebhookEndpoint');

/**
 * `POST /webhooks/meta`, Meta's hottest path, as a bare HTTP handler registered ahead of the framework's
 * middleware, body parsers and router: it reads the body as bytes (Meta signs the bytes exactly as sent,
 * and nothing is parsed before the signature is checked), hands it to the intake and writes the answer.
 * Every other request goes on to the app. The handshake (`GET`) stays with the controller.
 */
export function webhookEndpoint(intake: WebhookIntakeService, limitBytes: number) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
    if (req.method !== 'POST' || path !== WEBHOOK_PATH) return next();
    const trace = traceOf(req);
    res.setHeader(REQUEST_ID_HEADER, trace.correlationId);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) return refuseTooLarge(req, res, trace.correlationId);

    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limitBytes) {
        done = true;
        return refuseTooLarge(req, res, trace.correlationId);
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const signature = req.headers['x-hub-signature-256'];
      intake
        .receive({
          rawBody: Buffer.concat(chunks, size),
          signature: typeof signature === 'string' ? signature : undefined,
          trace,
        })
        .then(
          (outcome) => answer(res, outcome, trace.correlationId),
          (error: unknown) => {
            logger.error({ err: error, correlationId: trace.correlationId }, 'Webhook intake failed');
            answerProblem(res, toProblemDetails(error, { instance: WEBHOOK_PATH, correlationId: trace.correlationId }));
          },
        );
    });
    req.on('error', (error) => {
      if (done) return;
      done = true;
      next(error);
    });
  };
}

function answer(res: ServerResponse, outcome: IntakeOutcome, correlationId: string): void {
  const problem = intakeProblem(outcome);
  if (problem) return answerProblem(res, toProblemDetails(problem, { instance: WEBHOOK_PATH, correlationId }));
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('EVENT_RECEIVED');
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, correlationId: string): void {
  req.resume();
  if (res.headersSent) return;
  const problem = toProblemDetails(webhookProblem(413, 'too_large'), { instance: WEBHOOK_PATH, correlationId });
  res.setHeader('connection', 'close');
  answerProblem(res, problem);
}

function answerProblem(res: ServerResponse, problem: { status: number }): void {
  if (res.headersSent) return;
  res.writeHead(problem.status, { 'content-type': PROBLEM_CONTENT_TYPE });
  res.end(JSON.stringify(problem));
}
