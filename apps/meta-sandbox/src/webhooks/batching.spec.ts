import { planDeliveries, PendingEvent } from './batching';
import { messageEvent, readEvent } from './events';

const now = 1780000000000;
const ev = (
  id: string,
  object: 'page' | 'instagram',
  accountId: string,
  kind: 'messaging' | 'standby' = 'messaging',
): PendingEvent => ({
  id,
  object,
  accountId,
  kind,
  item: messageEvent({ channel: object === 'page' ? 'messenger' : 'instagram', accountId, scopedId: 'p' + id }, now, {
    mid: 'm' + id,
    text: id,
  }),
});

describe(planDeliveries.name, () => {
  const options = { maxEventsPerDelivery: 100, reorder: false, now };

  it('puts events of one object into one body, one entry per account and list', () => {
    const sut = planDeliveries(
      [ev('1', 'page', 'A'), ev('2', 'page', 'B'), ev('3', 'page', 'A'), ev('4', 'page', 'A', 'standby')],
      options,
    );

    expect(sut).toHaveLength(1);
    expect(sut[0].eventIds).toEqual(['1', '2', '3', '4']);
    expect(sut[0].body.object).toBe('page');
    expect(sut[0].body.entry.map((e) => [e.id, e.time, e.messaging?.length, e.standby?.length])).toEqual([
      ['A', now, 2, undefined],
      ['B', now, 1, undefined],
      ['A', now, undefined, 1],
    ]);
  });

  it('never mixes page and instagram objects', () => {
    const sut = planDeliveries([ev('1', 'page', 'A'), ev('2', 'instagram', 'I'), ev('3', 'page', 'A')], options);

    expect(sut.map((d) => [d.body.object, d.eventIds])).toEqual([
      ['page', ['1']],
      ['instagram', ['2']],
      ['page', ['3']],
    ]);
  });

  it('caps the number of items per delivery', () => {
    const events = ['1', '2', '3', '4', '5'].map((id) => ev(id, 'page', 'A'));

    const sut = planDeliveries(events, { ...options, maxEventsPerDelivery: 2 });

    expect(sut.map((d) => d.eventIds)).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });

  it('reorders on purpose: one event per delivery, newest first', () => {
    const read: PendingEvent = {
      ...ev('2', 'page', 'A'),
      item: readEvent({ channel: 'messenger', accountId: 'A', scopedId: 'p' }, now, { watermark: now }),
    };

    const sut = planDeliveries([ev('1', 'page', 'A'), read], { ...options, reorder: true });

    expect(sut.map((d) => d.eventIds)).toEqual([['2'], ['1']]);
    expect(sut[0].body.entry[0].messaging?.[0]).toHaveProperty('read');
  });
});
