import { DEFAULT_PAUSE_POLICY, isPaused, pauseDurationMs } from './pause-policy';

describe(pauseDurationMs.name, () => {
  const policy = { baseMs: 1000, maxMs: 5000 };

  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 5000],
    [40, 5000],
  ])('pauses the %i-th restriction in a row for %i ms', (strikes, expected) => {
    expect(pauseDurationMs(strikes, policy)).toBe(expected);
  });

  it('starts at a quarter of an hour and never exceeds a day by default', () => {
    expect(pauseDurationMs(1, DEFAULT_PAUSE_POLICY)).toBe(15 * 60_000);
    expect(pauseDurationMs(10, DEFAULT_PAUSE_POLICY)).toBe(24 * 3_600_000);
  });
});

describe(isPaused.name, () => {
  const now = new Date('2026-05-01T12:00:00Z');

  it('holds until the end of the pause, not after', () => {
    expect(isPaused({ pausedUntil: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(isPaused({ pausedUntil: now }, now)).toBe(false);
    expect(isPaused(null, now)).toBe(false);
  });
});
