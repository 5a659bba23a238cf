import { encodeCursor, paginate } from './paging';

const items = ['a', 'b', 'c', 'd', 'e'];
const key = (s: string) => s;
const url = new URL('http://127.0.0.1:3004/v25.0/1/conversations?platform=messenger&access_token=T');

describe(paginate.name, () => {
  it('walks forward with after cursors and next URLs until the end', () => {
    const first = paginate(items, key, { limit: 2, url });
    const second = paginate(items, key, { limit: 2, after: first.paging?.cursors.after, url });
    const third = paginate(items, key, { limit: 2, after: second.paging?.cursors.after, url });

    expect([first.data, second.data, third.data]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(first.paging?.next).toBe(
      `http://127.0.0.1:3004/v25.0/1/conversations?platform=messenger&access_token=T&limit=2&after=${encodeCursor('b')}`,
    );
    expect(first.paging?.previous).toBeUndefined();
    expect(third.paging?.next).toBeUndefined();
    expect(third.paging?.previous).toContain(`before=${encodeCursor('e')}`);
  });

  it('walks backward with before cursors', () => {
    const sut = paginate(items, key, { limit: 2, before: encodeCursor('e') });

    expect(sut.data).toEqual(['c', 'd']);
  });

  it('answers an empty page without paging', () => {
    expect(paginate(items, key, { after: encodeCursor('e') })).toEqual({ data: [] });
  });

  it('rejects a forged cursor with code 100', () => {
    expect(() => paginate(items, key, { after: '!!' })).toThrow('(#100) Invalid cursor');
  });
});
