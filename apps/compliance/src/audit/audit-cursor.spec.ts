import { decodeCursor, encodeCursor } from './audit-cursor';

describe(decodeCursor.name, () => {
  it('reads back what encodeCursor wrote', () => {
    const cursor = { decidedAt: new Date('2026-06-01T00:00:00.123Z'), id: '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a29' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"t":"x","id":"y"}').toString('base64url'),
    Buffer.from('[]').toString('base64url'),
  ])('refuses %j', (value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});
