interface Submission<T> {
  readonly items: readonly T[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface CoalescingLimits {
  /** Most items in one send; a single larger submission still goes out whole. */
  readonly maxItems: number;
}

/**
 * Runs one send at a time and groups every submission that arrives meanwhile into the next send.
 * Kafka's idempotent producer allows one request in flight per broker, so throughput comes from many
 * records per request; callers still get their own promise, settled by the send that carried their items.
 * Submissions leave in arrival order, so per-key order across callers is the order of their calls.
 */
export class CoalescingSender<T> {
  private readonly queue: Submission<T>[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly send: (items: T[]) => Promise<void>,
    private readonly limits: CoalescingLimits,
  ) {}

  submit(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.schedule();
    });
  }

  /** Submissions waiting for a send (for metrics and tests). */
  get pending(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // Let every publish of the current turn of the event loop join the first send, too.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          await this.send(batch.flatMap((submission) => submission.items));
          batch.forEach((submission) => submission.resolve());
        } catch (error) {
          batch.forEach((submission) => submission.reject(error));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private takeBatch(): Submission<T>[] {
    const batch = [this.queue.shift() as Submission<T>];
    let count = batch[0].items.length;
    while (this.queue.length > 0 && count + this.queue[0].items.length <= this.limits.maxItems) {
      const next = this.queue.shift() as Submission<T>;
      count += next.items.length;
      batch.push(next);
    }
    return batch;
  }
}
