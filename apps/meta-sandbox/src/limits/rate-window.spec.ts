import { consume, peek, WindowState } from './rate-window';

describe(consume.name, () => {
  const rule = { limit: 3, windowMs: 1000 };

  it('allows exactly the limit inside one window, then refuses until the window resets', () => {
    let state: WindowState | undefined;
    const outcomes: boolean[] = [];
    for (const at of [0, 100, 200, 300, 999]) {
      const sut = consume(state, rule, at);
      state = sut.state;
      outcomes.push(sut.allowed);
    }

    expect(outcomes).toEqual([true, true, true, false, false]);
    expect(consume(state, rule, 1000).allowed).toBe(true);
  });

  it('reports usage as a percentage and the wait when refused', () => {
    const first = consume(undefined, rule, 0);
    const second = consume(first.state, rule, 10);
    const third = consume(second.state, rule, 20);
    const refused = consume(third.state, rule, 400);

    expect([first.usagePercent, second.usagePercent, third.usagePercent]).toEqual([33, 66, 100]);
    expect(refused).toMatchObject({ allowed: false, usagePercent: 100, retryAfterMs: 600 });
    expect(refused.state).toEqual({ start: 0, count: 3 });
  });

  it('peeks without consuming', () => {
    const { state } = consume(undefined, rule, 0);

    expect(peek(state, rule, 5)).toBe(33);
    expect(peek(state, rule, 1000)).toBe(0);
    expect(peek(undefined, rule, 0)).toBe(0);
  });
});
