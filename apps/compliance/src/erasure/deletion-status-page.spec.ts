import { deletionStatusPage } from './deletion-status-page';

describe(deletionStatusPage.name, () => {
  it('states the overall and per-app status in words', () => {
    const sut = deletionStatusPage(
      {
        confirmationCode: 'ABC123',
        status: 'pending',
        requestedAt: '2026-06-01T00:00:00.000Z',
        apps: [
          {
            app: 'compliance',
            status: 'done',
            deletedRecords: 3,
            detail: null,
            reportedAt: '2026-06-01T00:00:01.000Z',
          },
          { app: 'outbound', status: 'pending', deletedRecords: null, detail: null, reportedAt: null },
        ],
      },
      'ABC123',
    );
    expect(sut).toContain('<strong>In progress</strong>');
    expect(sut).toContain('<li>compliance: Deleted</li><li>outbound: In progress</li>');
  });

  it('escapes an unknown code', () => {
    expect(deletionStatusPage(null, '<script>')).toContain('<strong>&lt;script&gt;</strong>');
  });
});
