import { cloudEventHeaders, encodeValue, readEventHeaders } from './cloud-event-headers';

describe('cloudEventHeaders', () => {
  const event = { key: 'messenger:1122:6543', type: 'parley.messaging.inbound.v1', id: 'evt-1', data: { a: 1 } };
  const now = new Date('2026-01-02T03:04:05.000Z');

  it('sets every CloudEvents binary-mode header, subject defaulting to the key', () => {
    const sut = cloudEventHeaders(event, '/parley/gateway', now);
    expect(sut).toMatchObject({
      ce_specversion: '1.0',
      ce_id: 'evt-1',
      ce_source: '/parley/gateway',
      ce_type: 'parley.messaging.inbound.v1',
      ce_time: '2026-01-02T03:04:05.000Z',
      ce_subject: 'messenger:1122:6543',
      'content-type': 'application/json',
    });
  });

  it('starts a trace and a correlation id when the cause carries none', () => {
    const sut = cloudEventHeaders(event, '/parley/gateway', now);
    expect(sut.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(sut['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the cause’s trace, correlation id, time and extra headers', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const sut = cloudEventHeaders(
      {
        ...event,
        traceparent,
        correlationId: 'req-9',
        time: '2025-12-31T00:00:00Z',
        headers: { parley_kind: 'message' },
      },
      '/parley/gateway',
      now,
    );
    expect(sut).toMatchObject({
      traceparent,
      'x-correlation-id': 'req-9',
      ce_time: '2025-12-31T00:00:00Z',
      parley_kind: 'message',
    });
  });

  it('does not let extra headers override the CloudEvents attributes', () => {
    const sut = cloudEventHeaders({ ...event, headers: { ce_id: 'forged' } }, '/parley/gateway', now);
    expect(sut.ce_id).toBe('evt-1');
  });
});

describe('encodeValue', () => {
  it('serialises JSON and passes bytes through untouched', () => {
    expect(encodeValue({ a: 'é' }).toString()).toBe('{"a":"é"}');
    const bytes = Buffer.from('{"raw" : true}');
    expect(encodeValue(bytes)).toBe(bytes);
  });
});

describe('readEventHeaders', () => {
  it('reads attributes from byte headers, taking the last of repeated ones', () => {
    const sut = readEventHeaders({
      ce_id: Buffer.from('evt-1'),
      ce_type: 't',
      'x-correlation-id': [Buffer.from('old'), Buffer.from('req-9')],
      empty: undefined,
    });
    expect(sut).toMatchObject({ id: 'evt-1', type: 't', correlationId: 'req-9' });
    expect(sut.all).toEqual({ ce_id: 'evt-1', ce_type: 't', 'x-correlation-id': 'req-9' });
  });
});
