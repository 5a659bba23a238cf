import { readUsageHeaders, slowdownFor, UsageReading, Slowdown } from './usage-headers';

describe(readUsageHeaders.name, () => {
  const cases: Array<[string, Record<string, string>, UsageReading]> = [
    ['no headers', {}, { percent: 0, regainAccessInMs: 0 }],
    [
      'app usage',
      { 'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":25}' },
      { percent: 28, regainAccessInMs: 0 },
    ],
    [
      'page usage wins when higher',
      { 'x-app-usage': '{"call_count":10}', 'x-page-usage': '{"total_time":81}' },
      { percent: 81, regainAccessInMs: 0 },
    ],
    [
      'business use case of this account',
      {
        'x-business-use-case-usage':
          '{"1122":[{"type":"messenger","call_count":90,"total_cputime":25,"total_time":25,"estimated_time_to_regain_access":0}]}',
      },
      { percent: 90, regainAccessInMs: 0 },
    ],
    [
      'throttled account names its regain time in minutes',
      {
        'x-business-use-case-usage':
          '{"1122":[{"type":"messenger","call_count":100,"estimated_time_to_regain_access":19}]}',
      },
      { percent: 100, regainAccessInMs: 19 * 60_000 },
    ],
    [
      'another account is ignored',
      {
        'x-business-use-case-usage':
          '{"9999":[{"type":"messenger","call_count":100,"estimated_time_to_regain_access":5}]}',
      },
      { percent: 0, regainAccessInMs: 0 },
    ],
    ['malformed JSON is ignored', { 'x-app-usage': '{call_count' }, { percent: 0, regainAccessInMs: 0 }],
  ];

  it.each(cases)('%s', (_name, headers, expected) => {
    expect(readUsageHeaders((name) => headers[name], '1122')).toEqual(expected);
  });
});

describe(slowdownFor.name, () => {
  const now = 1_000_000;
  const cases: Array<[string, UsageReading, Slowdown]> = [
    ['idle', { percent: 0, regainAccessInMs: 0 }, { factor: 1, pausedUntil: 0 }],
    ['just below the threshold', { percent: 74, regainAccessInMs: 0 }, { factor: 1, pausedUntil: 0 }],
    ['at the threshold', { percent: 75, regainAccessInMs: 0 }, { factor: 1, pausedUntil: 0 }],
    ['halfway to the limit', { percent: 87.5, regainAccessInMs: 0 }, { factor: 0.5, pausedUntil: 0 }],
    ['almost used up', { percent: 99, regainAccessInMs: 0 }, { factor: 0.1, pausedUntil: 0 }],
    [
      'used up without a regain time',
      { percent: 100, regainAccessInMs: 0 },
      { factor: 0.1, pausedUntil: now + 60_000 },
    ],
    [
      'throttled with a regain time',
      { percent: 100, regainAccessInMs: 120_000 },
      { factor: 0.1, pausedUntil: now + 120_000 },
    ],
  ];

  it.each(cases)('%s', (_name, usage, expected) => {
    expect(slowdownFor(usage, now)).toEqual(expected);
  });
});
