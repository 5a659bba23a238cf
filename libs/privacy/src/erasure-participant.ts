import { ErasureProgressEvent, ErasureRequestedEvent, Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { doneReport, erasureFailureKind, failedReport } from './erasure-report';
import { erasureSubject } from './erasure-subject';
import { PersonalDataEraser } from './personal-data-eraser';

export const ERASURE_PROGRESS_TYPE = 'parley.privacy.erasure.progress.v1';

export class ErasureParticipantSettings {
  constructor(
    /** The reporting app, one of compliance's `ERASURE_APPS`. */
    readonly app: string,
    readonly now: () => Date = () => new Date(),
  ) {}
}

/** One app's share of an erasure: its own eraser, then its report on `privacy.erasure.progress.v1`. */
@Injectable()
export class ErasureParticipant {
  private readonly logger = new Logger(ErasureParticipant.name);

  constructor(
    private readonly settings: ErasureParticipantSettings,
    private readonly eraser: PersonalDataEraser,
    private readonly publisher: EventPublisher,
  ) {}

  /** Rethrows a failure worth retrying, so the consumer tries again; reports any other as failed. */
  async carryOut(request: ErasureRequestedEvent): Promise<void> {
    let report: ErasureProgressEvent;
    try {
      report = doneReport(
        this.settings.app,
        request,
        await this.eraser.erase(erasureSubject(request)),
        this.settings.now(),
      );
    } catch (error) {
      if (erasureFailureKind(error) !== 'permanent') throw error;
      return this.reportFailed(request, error);
    }
    await this.report(report);
  }

  /** The request could not be carried out (a permanent failure, or retries spent): the status page says so. */
  async reportFailed(request: ErasureRequestedEvent, error: unknown): Promise<void> {
    // The error's own message may quote the person's ids: its name is enough to find it in the code.
    this.logger.error({ erasureId: request.erasureId, error: (error as Error)?.name }, 'Erasure failed');
    await this.report(failedReport(this.settings.app, request, error, this.settings.now()));
  }

  private async report(report: ErasureProgressEvent): Promise<void> {
    // Each run reports afresh (a new event id): a redelivered request is answered again, with what it found.
    await this.publisher.publish(Topics.privacyErasureProgress, [
      { key: report.erasureId, type: ERASURE_PROGRESS_TYPE, id: randomUUID(), data: report },
    ]);
    this.logger.log(
      { erasureId: report.erasureId, status: report.status, deletedRecords: report.deletedRecords },
      'Erasure reported',
    );
  }
}
