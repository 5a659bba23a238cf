import { decodeCursor, encodeCursor } from './message-mapping';

describe(encodeCursor.name, () => {
  it('round-trips through decodeCursor', () => {
    const position = { createdAt: new Date('2026-01-01T00:00:00.123Z'), id: '0b6f4a52-7c1e-4d3a-9f5e-2a1b3c4d5e6f' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });
});

describe(decodeCursor.name, () => {
  it.each([
    ['garbage'],
    [''],
    [Buffer.from('2026-01-01T00:00:00Z|not-a-uuid').toString('base64url')],
    [Buffer.from('yesterday|0b6f4a52-7c1e-4d3a-9f5e-2a1b3c4d5e6f').toString('base64url')],
  ])('refuses %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
