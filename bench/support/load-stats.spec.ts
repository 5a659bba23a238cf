import { completionRate, meanIntervalMs, percentile, summarize } from './load-stats';

describe('percentile', () => {
  it.each([
    [50, 6],
    [99, 10],
    [100, 10],
    [0, 1],
  ])('takes the nearest rank for p%d', (p, expected) => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p)).toBe(expected);
  });

  it('is NaN without values', () => {
    expect(percentile([], 99)).toBeNaN();
  });
});

describe('summarize', () => {
  it('counts only successes in the rate and sorts before taking percentiles', () => {
    const sut = summarize([30, 10, 20, 40], 1, 2);
    expect(sut).toEqual({ requests: 4, ok: 3, failed: 1, seconds: 2, perSecond: 1.5, p50Ms: 30, p99Ms: 40 });
  });
});

describe('completionRate', () => {
  it('divides the items by the time from the start to the last completion', () => {
    expect(completionRate(1000, [1500, 3000, 2000, 1200])).toBe(2);
  });

  it('charges a backlog that drained after the load stopped', () => {
    const tenSecondsOfLoadDrainedInTwenty = Array.from({ length: 100 }, (_, i) => 200 * (i + 1));
    expect(completionRate(0, tenSecondsOfLoadDrainedInTwenty)).toBe(5);
  });

  it('is zero when nothing completed', () => {
    expect(completionRate(1000, [])).toBe(0);
  });
});

describe('meanIntervalMs', () => {
  it('spreads the span from the first to the last event over the gaps between them', () => {
    expect(meanIntervalMs([400, 100, 250, 700])).toBe(200);
  });

  it('is NaN for a single event', () => {
    expect(meanIntervalMs([100])).toBeNaN();
  });
});
