import { parseKeywordsByAccount } from './policy-settings.factory';

describe(parseKeywordsByAccount.name, () => {
  it.each<[string, Record<string, string[]>]>([
    ['', {}],
    ['1122=STOP|BASTA', { '1122': ['STOP', 'BASTA'] }],
    ['1122=STOP|BASTA; 1789 = ARRET ', { '1122': ['STOP', 'BASTA'], '1789': ['ARRET'] }],
    ['1122=', { '1122': [] }],
    ['garbage', {}],
  ])('%j', (value, expected) => {
    expect(parseKeywordsByAccount(value)).toEqual(expected);
  });
});
