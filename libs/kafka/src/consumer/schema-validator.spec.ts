import { ErasureProgressEvent, Topics } from '@app/contracts';
import { schemaValidator } from './schema-validator';

describe(schemaValidator.name, () => {
  const report: ErasureProgressEvent = {
    erasureId: '0b7c4a52-4f0e-4a43-9a3c-6f1f3d2e1a10',
    app: 'outbound',
    status: 'done',
    deletedRecords: 3,
    detail: null,
    reportedAt: '2026-06-01T12:00:00.000Z',
  };

  it('passes a payload its topic schema accepts, unchanged', () => {
    const sut = schemaValidator<ErasureProgressEvent>(Topics.privacyErasureProgress);
    expect(sut(report)).toEqual({ ok: true, value: report });
  });

  it('names every broken field of a payload the schema rejects', () => {
    const sut = schemaValidator(Topics.privacyErasureProgress);
    const result = sut({ ...report, status: 'partly', deletedRecords: -1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/\/status .*; \/deletedRecords /);
  });

  it('rejects a tombstone', () => {
    expect(schemaValidator(Topics.privacyErasureProgress)(null).ok).toBe(false);
  });
});
