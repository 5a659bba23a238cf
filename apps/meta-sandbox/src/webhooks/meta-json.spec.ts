import { serializeAsMeta } from './meta-json';

describe(serializeAsMeta.name, () => {
  it.each([
    ['plain ASCII stays as JSON.stringify writes it', { a: 'hi', n: 1 }, '{"a":"hi","n":1}'],
    ['Latin-1 letters become lowercase escapes', { t: 'äöå' }, '{"t":"\\u00e4\\u00f6\\u00e5"}'],
    ['astral emoji become two escaped surrogates', { t: '😍' }, '{"t":"\\ud83d\\ude0d"}'],
    ['BMP symbols with letters in hex stay lowercase', { t: '€' }, '{"t":"\\u20ac"}'],
    ['slashes are escaped', { url: 'https://a.b/c' }, '{"url":"https:\\/\\/a.b\\/c"}'],
    ['keys are escaped too', { 'ñ/': 1 }, '{"\\u00f1\\/":1}'],
    ['JSON escapes are kept', { t: 'a"b\\c\n' }, '{"t":"a\\"b\\\\c\\n"}'],
    ['DEL (0x7f) is ASCII and stays raw', { t: '\u007f' }, '{"t":"\u007f"}'],
  ])('%s', (_label, input, expected) => {
    const sut = serializeAsMeta(input);

    expect(sut).toBe(expected);
    expect(JSON.parse(sut)).toEqual(input);
  });

  it('produces only ASCII bytes', () => {
    const sut = serializeAsMeta({ text: 'Adorei os produtos! 😍🛍️ — ção' });

    expect(Buffer.from(sut, 'utf8').every((byte) => byte < 0x80)).toBe(true);
  });

  it('rejects values JSON cannot represent', () => {
    expect(() => serializeAsMeta(undefined)).toThrow(TypeError);
  });
});
