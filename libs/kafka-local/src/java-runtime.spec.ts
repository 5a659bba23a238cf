import { parseJavaMajorVersion } from './java-runtime';

describe('parseJavaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
    ['something else entirely', undefined],
  ])('reads %j as %s', (output, expected) => {
    expect(parseJavaMajorVersion(output)).toBe(expected);
  });
});
