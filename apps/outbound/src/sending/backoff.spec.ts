import { backoffDelayMs, BackoffPolicy, decideRetry, RetryDecision } from './backoff';
import { SendFailureClass } from './meta-error-classification';

describe(backoffDelayMs.name, () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [4, 0, 4000],
    [20, 0, 5000],
    [20, 1, 10000],
  ])('attempt %i with random %d waits %i ms (base 1 s, cap 10 s)', (attempt, random, expected) => {
    expect(backoffDelayMs(attempt, 1000, 10_000, random)).toBe(expected);
  });
});

describe(decideRetry.name, () => {
  const policy: BackoffPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 10_000, slowBaseDelayMs: 1000 };
  const temporary: SendFailureClass = { kind: 'retry', pace: 'normal', reason: 'temporary_error' };
  const throttled: SendFailureClass = { kind: 'retry', pace: 'slow', reason: 'rate_limited' };
  const cases: Array<[string, SendFailureClass, number, number, RetryDecision]> = [
    ['temporary, first attempt', temporary, 1, 0, { action: 'retry', delayMs: 50 }],
    ['temporary, second attempt', temporary, 2, 0, { action: 'retry', delayMs: 100 }],
    ['temporary, attempts exhausted', temporary, 3, 0, { action: 'fail' }],
    ['throttled starts slower', throttled, 1, 0, { action: 'retry', delayMs: 500 }],
    ['throttled waits for the regain time', throttled, 1, 60_000, { action: 'retry', delayMs: 60_000 }],
    [
      'permanent never retries',
      { kind: 'permanent', reason: 'outside_window', pausePage: false },
      1,
      0,
      { action: 'fail' },
    ],
    ['token invalid never retries', { kind: 'token-invalid', reason: 'token_invalid' }, 1, 0, { action: 'fail' }],
    [
      'outcome unknown is not retried blindly',
      { kind: 'outcome-unknown', reason: 'outcome_unknown' },
      1,
      0,
      { action: 'fail' },
    ],
  ];

  it.each(cases)('%s', (_name, failure, attempt, regainMs, expected) => {
    expect(decideRetry(failure, attempt, policy, 0, regainMs)).toEqual(expected);
  });
});
