import { traceOf } from './request-context.decorators';

const TRACEPARENT = `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`;

describe(traceOf.name, () => {
  it.each<[string, { id?: unknown; headers: Record<string, string> }, string | RegExp]>([
    ["the logger's request id", { id: 'req-1', headers: { 'x-correlation-id': 'caller' } }, 'req-1'],
    ["the caller's correlation id", { headers: { 'x-correlation-id': 'caller-7' } }, 'caller-7'],
    [
      "the caller's request id before its correlation id",
      { headers: { 'x-request-id': 'r-9', 'x-correlation-id': 'c' } },
      'r-9',
    ],
    ['a new id for an unsafe header', { headers: { 'x-correlation-id': 'bad id\n' } }, /^[0-9a-f-]{36}$/],
    ['a new id without any', { headers: {} }, /^[0-9a-f-]{36}$/],
  ])('takes %s as correlation id', (_case, request, expected) => {
    const sut = traceOf(request);
    if (typeof expected === 'string') expect(sut.correlationId).toBe(expected);
    else expect(sut.correlationId).toMatch(expected);
  });

  it("keeps the caller's trace context and starts one otherwise", () => {
    expect(traceOf({ headers: { traceparent: TRACEPARENT } }).traceparent).toBe(TRACEPARENT);
    expect(traceOf({ headers: { traceparent: 'garbage' } }).traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
