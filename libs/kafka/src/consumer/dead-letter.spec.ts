import { deadLetterHeaders, describeFailure } from './dead-letter';

describe('deadLetterHeaders', () => {
  it('keeps the original headers and adds reason, group and coordinates', () => {
    const sut = deadLetterHeaders(
      { ce_id: 'evt-1', ce_type: 't' },
      {
        reason: 'invalid payload: /text must be string',
        consumerGroup: 'compliance',
        topic: 'messaging.inbound.v1',
        partition: 7,
        offset: '42',
        attempts: 1,
        failedAt: new Date('2026-01-01T00:00:00Z'),
      },
    );
    expect(sut).toEqual({
      ce_id: 'evt-1',
      ce_type: 't',
      dlq_reason: 'invalid payload: /text must be string',
      dlq_consumer_group: 'compliance',
      dlq_original_topic: 'messaging.inbound.v1',
      dlq_original_partition: '7',
      dlq_original_offset: '42',
      dlq_attempts: '1',
      dlq_failed_at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('bounds the reason', () => {
    const facts = { consumerGroup: 'g', topic: 't', partition: 0, offset: '0', attempts: 1, failedAt: new Date(0) };
    expect(deadLetterHeaders({}, { ...facts, reason: 'x'.repeat(5000) }).dlq_reason).toHaveLength(1000);
  });
});

describe('describeFailure', () => {
  it.each([
    [new TypeError('boom'), 'TypeError: boom'],
    ['plain', 'plain'],
  ])('describes %p', (error, expected) => {
    expect(describeFailure(error)).toBe(expected);
  });
});
