import { ErasureProgressEvent, ErasureRequestedEvent } from '@app/contracts';
import { DomainError, isRetriable } from '@app/errors';
import { isTransientDatabaseError } from '@app/database';
import { classifyFailure, FailureKind } from '@app/kafka';
import { ErasureOutcome, ErasureRefusedError } from './personal-data-eraser';

/**
 * Transient failures (the database away, a dependency down) are retried by the consumer until they pass;
 * permanent ones are reported as failed; anything else is retried a few times, then dead-lettered and reported failed.
 */
export function erasureFailureKind(error: unknown): FailureKind {
  if (error instanceof DomainError) return isRetriable(error.code) ? 'transient' : 'permanent';
  if (isTransientDatabaseError(error)) return 'transient';
  return classifyFailure(error);
}

/** The status page shows this: a refusal's own reason (written to name nobody), else words that name nothing. */
export function failureDetail(error: unknown): string {
  if (error instanceof ErasureRefusedError) return `refused: ${error.message}`;
  return 'the erasure failed and needs an operator; the app logged the cause';
}

export function doneReport(
  app: string,
  request: ErasureRequestedEvent,
  outcome: ErasureOutcome,
  at: Date,
): ErasureProgressEvent {
  return {
    erasureId: request.erasureId,
    app,
    status: 'done',
    deletedRecords: outcome.deletedRecords,
    detail: outcome.detail,
    reportedAt: at.toISOString(),
  };
}

export function failedReport(
  app: string,
  request: ErasureRequestedEvent,
  error: unknown,
  at: Date,
): ErasureProgressEvent {
  return {
    erasureId: request.erasureId,
    app,
    status: 'failed',
    deletedRecords: 0,
    detail: failureDetail(error),
    reportedAt: at.toISOString(),
  };
}
