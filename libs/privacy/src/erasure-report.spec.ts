import { DomainError } from '@app/errors';
import { PoisonRecordError, RetriableError } from '@app/kafka';
import { erasureRequest } from '@app/testing';
import { doneReport, erasureFailureKind, failedReport } from './erasure-report';
import { ErasureRefusedError } from './personal-data-eraser';

const at = new Date('2026-06-01T12:00:05.000Z');

describe(erasureFailureKind.name, () => {
  it.each([
    ['the database away', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'transient'],
    ['a deadlock', Object.assign(new Error('deadlock detected'), { code: '40P01' }), 'transient'],
    ['a dependency unavailable', new DomainError('unavailable', 'down'), 'transient'],
    ['a retriable error', new RetriableError('later'), 'transient'],
    ['a refused request', new ErasureRefusedError('no subject'), 'permanent'],
    ['a poison record', new PoisonRecordError('never'), 'permanent'],
    ['a domain error that will not pass', new DomainError('validation_failed', 'bad'), 'permanent'],
    ['a constraint violation', Object.assign(new Error('violates'), { code: '23503' }), 'unknown'],
    ['a bug', new TypeError('x is undefined'), 'unknown'],
  ])('%s → %s', (_name, error, expected) => {
    expect(erasureFailureKind(error)).toBe(expected);
  });
});

describe(doneReport.name, () => {
  it("carries the app's count and detail", () => {
    const request = erasureRequest();
    expect(doneReport('outbound', request, { deletedRecords: 4, detail: null }, at)).toEqual({
      erasureId: request.erasureId,
      app: 'outbound',
      status: 'done',
      deletedRecords: 4,
      detail: null,
      reportedAt: '2026-06-01T12:00:05.000Z',
    });
  });
});

describe(failedReport.name, () => {
  it("shows a refusal's reason", () => {
    const sut = failedReport('tokens', erasureRequest(), new ErasureRefusedError('the request names no id'), at);
    expect(sut).toMatchObject({ status: 'failed', deletedRecords: 0, detail: 'refused: the request names no id' });
  });

  it("never shows another error's message, which may quote the person", () => {
    const sut = failedReport('outbound', erasureRequest(), new PoisonRecordError('no row for messenger:1122:6543'), at);
    expect(sut.status).toBe('failed');
    expect(sut.detail).not.toMatch(/6543|1122/);
  });
});
