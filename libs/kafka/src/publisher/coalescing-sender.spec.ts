import { CoalescingSender } from './coalescing-sender';

/** A send whose calls are recorded and settled by the test. */
function controlledSend() {
  const calls: { items: number[]; settle: (error?: Error) => void }[] = [];
  const send = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ items, settle: (error) => (error ? reject(error) : resolve()) });
    });
  return { calls, send };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(CoalescingSender.name, () => {
  describe('submit', () => {
    it('groups submissions of the same turn into one send', async () => {
      const { calls, send } = controlledSend();
      const sut = new CoalescingSender(send, { maxItems: 100 });
      const done = [sut.submit([1]), sut.submit([2, 3]), sut.submit([4])];
      await tick();
      expect(calls.map((call) => call.items)).toEqual([[1, 2, 3, 4]]);
      calls[0].settle();
      await expect(Promise.all(done)).resolves.toEqual([undefined, undefined, undefined]);
    });

    it('keeps one send in flight and groups what arrives meanwhile into the next, in order', async () => {
      const { calls, send } = controlledSend();
      const sut = new CoalescingSender(send, { maxItems: 100 });
      const first = sut.submit([1]);
      await tick();
      const later = [sut.submit([2]), sut.submit([3])];
      await tick();
      expect(calls).toHaveLength(1);
      calls[0].settle();
      await first;
      await tick();
      expect(calls.map((call) => call.items)).toEqual([[1], [2, 3]]);
      calls[1].settle();
      await Promise.all(later);
    });

    it('splits at the item limit without splitting a submission', async () => {
      const { calls, send } = controlledSend();
      const sut = new CoalescingSender(send, { maxItems: 3 });
      const done = [sut.submit([1, 2]), sut.submit([3, 4]), sut.submit([5, 6, 7, 8])];
      await tick();
      calls[0].settle();
      await tick();
      calls[1].settle();
      await tick();
      calls[2].settle();
      await Promise.all(done);
      expect(calls.map((call) => call.items)).toEqual([
        [1, 2],
        [3, 4],
        [5, 6, 7, 8],
      ]);
    });

    it('rejects exactly the submissions of a failed send and carries on', async () => {
      const { calls, send } = controlledSend();
      const sut = new CoalescingSender(send, { maxItems: 100 });
      const failed = sut.submit([1]);
      await tick();
      const next = sut.submit([2]);
      calls[0].settle(new Error('broker gone'));
      await expect(failed).rejects.toThrow('broker gone');
      await tick();
      calls[1].settle();
      await expect(next).resolves.toBeUndefined();
    });

    it('resolves an empty submission without sending', async () => {
      const { calls, send } = controlledSend();
      const sut = new CoalescingSender(send, { maxItems: 100 });
      await sut.submit([]);
      expect(calls).toEqual([]);
    });
  });
});
