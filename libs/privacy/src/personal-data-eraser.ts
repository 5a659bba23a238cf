import { PoisonRecordError } from '@app/kafka';
import type { ErasureSubject } from './erasure-subject';

/** What one app's erasure did, as reported on `privacy.erasure.progress.v1`. */
export interface ErasureOutcome {
  readonly deletedRecords: number;
  /** Shown on the person's status page: must name no personal data. */
  readonly detail: string | null;
}

/**
 * The port each app implements: deletes what the app itself keeps about the subject, in its own tables.
 * Must be idempotent: run again, it finds nothing more and reports 0.
 */
export abstract class PersonalDataEraser {
  abstract erase(subject: ErasureSubject): Promise<ErasureOutcome>;
}

/** A request the app can never carry out; its message is reported as is, so it must name no personal data. */
export class ErasureRefusedError extends PoisonRecordError {
  constructor(reason: string) {
    super(reason);
    this.name = 'ErasureRefusedError';
  }
}
