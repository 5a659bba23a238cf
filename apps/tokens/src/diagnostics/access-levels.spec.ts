import { parseAccessLevels } from './access-levels';

describe('parseAccessLevels', () => {
  it.each([
    [undefined, undefined],
    ['  ', undefined],
    ['pages_messaging:advanced', { pages_messaging: 'advanced' }],
    [
      'pages_messaging:advanced, instagram_manage_messages:standard',
      { pages_messaging: 'advanced', instagram_manage_messages: 'standard' },
    ],
  ])('%j', (text, expected) => {
    expect(parseAccessLevels(text)).toEqual(expected);
  });

  it.each(['pages_messaging', 'pages_messaging:full', 'Pages:advanced', 'a:advanced:x'])('refuses %j', (text) => {
    expect(() => parseAccessLevels(text)).toThrow(/META_ACCESS_LEVELS entry/);
  });
});
