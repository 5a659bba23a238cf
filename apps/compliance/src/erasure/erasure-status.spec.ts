import { AppProgress, erasureStatus } from './erasure-status';

const at = new Date('2026-06-01T00:00:00.000Z');
const done = (app: string): AppProgress => ({ app, status: 'done', deletedRecords: 2, detail: null, reportedAt: at });
const EXPECTED = ['compliance', 'outbound', 'tokens'];

describe(erasureStatus.name, () => {
  it.each<[string, AppProgress[], string, string[]]>([
    ['nothing reported', [], 'pending', ['pending', 'pending', 'pending']],
    ['one app done', [done('compliance')], 'pending', ['done', 'pending', 'pending']],
    ['every app done', EXPECTED.map(done), 'completed', ['done', 'done', 'done']],
    [
      'one app failed',
      [done('compliance'), { ...done('outbound'), status: 'failed', detail: 'db down' }],
      'failed',
      ['done', 'failed', 'pending'],
    ],
  ])('%s', (_case, progress, status, perApp) => {
    const sut = erasureStatus(progress, EXPECTED);
    expect(sut.status).toBe(status);
    expect(sut.apps.map((a) => a.status)).toEqual(perApp);
  });

  it('lists an app that reported without being expected', () => {
    const sut = erasureStatus([done('crm-bridge')], ['compliance']);
    expect(sut.apps.map((a) => a.app)).toEqual(['compliance', 'crm-bridge']);
    expect(sut.status).toBe('pending');
  });
});
