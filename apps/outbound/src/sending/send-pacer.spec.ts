import { DEFAULT_PACING, earliestSlot, limitFor, PacingLimits, SendPacer } from './send-pacer';

describe(earliestSlot.name, () => {
  it.each([
    ['empty history', [], 100, 3, 1000, 100],
    ['room left in the window', [0, 10], 100, 3, 1000, 100],
    ['window full: wait for the oldest to leave', [0, 10, 20], 100, 3, 1000, 1000],
    ['full but the oldest already left', [0, 10, 20], 1500, 3, 1000, 1500],
    ['only the last `limit` calls count', [0, 500, 600, 700], 800, 3, 1000, 1500],
    ['fractional limits round down, at least one', [0], 10, 0.4, 1000, 1000],
  ])('%s', (_name, history, now, limit, windowMs, expected) => {
    expect(earliestSlot(history, now, limit, windowMs)).toBe(expected);
  });
});

describe(limitFor.name, () => {
  it.each([
    ['messenger', 'text', 35],
    ['messenger', 'media', 10],
    ['instagram', 'text', 35],
    ['instagram', 'media', 10],
  ] as const)('%s %s under the default inbox pace', (channel, kind, expected) => {
    expect(limitFor(DEFAULT_PACING, channel, kind)).toBe(expected);
  });

  it('uses the API limit when the inbox pace is raised above it', () => {
    const raised = { ...DEFAULT_PACING, accountPerSecond: 1000 };
    expect(limitFor(raised, 'messenger', 'text')).toBe(300);
    expect(limitFor(raised, 'instagram', 'text')).toBe(100);
  });
});

describe(SendPacer.name, () => {
  const limits: PacingLimits = { ...DEFAULT_PACING, accountPerSecond: 5, messengerMedia: 2, windowMarginMs: 0 };

  /** The most calls any window of one second holds. */
  function busiestSecond(starts: number[]): number {
    return Math.max(...starts.map((t) => starts.filter((s) => s >= t && s < t + 1000).length));
  }

  describe('reserve', () => {
    it('never books more than the account limit in any second', () => {
      const sut = new SendPacer(limits);
      const starts = Array.from({ length: 23 }, () => sut.reserve('page', 'messenger', 'text', 0));
      expect(busiestSecond(starts)).toBe(5);
      expect(starts.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
      expect(starts[5]).toBe(1000);
      expect(starts[22]).toBe(4000);
    });

    it('holds audio and video to their own lower limit', () => {
      const sut = new SendPacer(limits);
      const starts = Array.from({ length: 4 }, () => sut.reserve('page', 'messenger', 'media', 0));
      expect(starts).toEqual([0, 0, 1000, 1000]);
    });

    it('starts every account with a full window after the accounts were handed out anew', () => {
      const sut = new SendPacer(limits);
      for (let i = 0; i < 5; i++) sut.reserve('page', 'messenger', 'text', 0);
      sut.startOver(200);
      expect(sut.reserve('page', 'messenger', 'text', 200)).toBe(1200);
      expect(sut.reserve('other-page', 'messenger', 'text', 300)).toBe(1200);
      expect(sut.reserve('other-page', 'messenger', 'text', 5000)).toBe(5000);
    });

    it('keeps accounts apart', () => {
      const sut = new SendPacer(limits);
      for (let i = 0; i < 5; i++) sut.reserve('page-a', 'messenger', 'text', 0);
      expect(sut.reserve('page-b', 'messenger', 'text', 0)).toBe(0);
      expect(sut.reserve('page-a', 'messenger', 'text', 0)).toBe(1000);
    });
  });

  describe('observe', () => {
    it('slows down when the usage headers near the limit', () => {
      const sut = new SendPacer({ ...limits, accountPerSecond: 10 });
      sut.observe('page', { percent: 87.5, regainAccessInMs: 0 }, 0);
      const starts = Array.from({ length: 10 }, () => sut.reserve('page', 'messenger', 'text', 0));
      expect(busiestSecond(starts)).toBe(5);
    });

    it('pauses until a throttled account regains access', () => {
      const sut = new SendPacer(limits);
      sut.observe('page', { percent: 100, regainAccessInMs: 60_000 }, 1000);
      expect(sut.reserve('page', 'messenger', 'text', 2000)).toBe(61_000);
    });

    it('returns to the full pace once usage drops', () => {
      const sut = new SendPacer(limits);
      sut.observe('page', { percent: 99, regainAccessInMs: 0 }, 0);
      sut.observe('page', { percent: 10, regainAccessInMs: 0 }, 0);
      expect(sut.slowdownOf('page')).toEqual({ factor: 1, pausedUntil: 0 });
    });
  });
});
