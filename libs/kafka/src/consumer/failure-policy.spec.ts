import {
  classifyFailure,
  decideFailure,
  DEFAULT_RETRY_POLICY,
  PoisonRecordError,
  retryAfterOf,
  RetriableError,
} from './failure-policy';

describe('classifyFailure', () => {
  it.each([
    [new RetriableError('db down'), 'transient'],
    [new PoisonRecordError('unknown page'), 'permanent'],
    [Object.assign(new Error('kafkajs'), { retriable: true }), 'transient'],
    [Object.assign(new Error('domain'), { retriable: false }), 'permanent'],
    [new TypeError('undefined is not a function'), 'unknown'],
    ['a string', 'unknown'],
  ])('classifies %p as %s', (error, expected) => {
    expect(classifyFailure(error)).toBe(expected);
  });
});

describe('decideFailure', () => {
  it.each([
    ['permanent', 1, { action: 'dead-letter' }],
    ['unknown', 1, { action: 'retry', delayMs: 200 }],
    ['unknown', 2, { action: 'retry', delayMs: 400 }],
    ['unknown', 4, { action: 'retry', delayMs: 1600 }],
    ['unknown', 5, { action: 'dead-letter' }],
    ['transient', 1, { action: 'retry', delayMs: 200 }],
    ['transient', 9, { action: 'retry', delayMs: 30_000 }],
    ['transient', 1000, { action: 'retry', delayMs: 30_000 }],
  ] as const)('%s failure at attempt %i → %j', (kind, attempt, expected) => {
    expect(decideFailure(kind, attempt)).toEqual(expected);
  });

  it('dead-letters transient failures too when the policy bounds them', () => {
    expect(decideFailure('transient', 3, { ...DEFAULT_RETRY_POLICY, maxTransientAttempts: 3 })).toEqual({
      action: 'dead-letter',
    });
  });
});

describe('retryAfterOf', () => {
  it.each<[string, unknown, number]>([
    ['a retriable error that names its wait', new RetriableError('throttled', { retryAfterMs: 60_000 }), 60_000],
    ['a retriable error without a wait', new RetriableError('down'), 0],
    ['any other error', new Error('boom'), 0],
  ])('%s', (_name, error, expected) => {
    expect(retryAfterOf(error)).toBe(expected);
  });
});
