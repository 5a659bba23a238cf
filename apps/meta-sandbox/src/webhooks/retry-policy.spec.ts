import { nextAttemptAt, RetryPolicy } from './retry-policy';

const policy: RetryPolicy = {
  immediateRetries: 3,
  immediateDelayMs: 10,
  baseDelayMs: 100,
  maxDelayMs: 500,
  horizonMs: 10_000,
};
const first = 1_000_000;

describe(nextAttemptAt.name, () => {
  it.each([
    [1, 10],
    [2, 10],
    [3, 10],
    [4, 100],
    [5, 200],
    [6, 400],
    [7, 500],
    [20, 500],
  ])('after failure %i waits %i ms', (failures, delay) => {
    expect(nextAttemptAt(failures, first, first + 50, policy)).toBe(first + 50 + delay);
  });

  it('drops the delivery once the next attempt would fall beyond the horizon', () => {
    expect(nextAttemptAt(7, first, first + 9_500, policy)).toBe(first + 10_000);
    expect(nextAttemptAt(7, first, first + 9_501, policy)).toBeNull();
  });
});
