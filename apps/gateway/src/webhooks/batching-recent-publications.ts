import { RecentPublicationsRepository } from './recent-publications.repository';

interface Waiting<R> {
  ids: readonly string[];
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Runs one query at a time and lets every call that arrives meanwhile join the next one, so under load
 * the dedupe window costs one lookup and one insert per batch of deliveries, not per delivery.
 */
class Coalescer<R> {
  private queue: Waiting<R>[] = [];
  private running = false;

  constructor(private readonly run: (batch: Waiting<R>[]) => Promise<void>) {}

  submit(ids: readonly string[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ ids, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        // Let the requests of the current event-loop turn join this batch.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.queue;
        this.queue = [];
        await this.run(batch).catch((error: unknown) => batch.forEach((w) => w.reject(error)));
      }
    } finally {
      this.running = false;
    }
  }
}

export class BatchingRecentPublications extends RecentPublicationsRepository {
  private readonly lookups: Coalescer<Set<string>>;
  private readonly inserts: Coalescer<void>;

  constructor(
    private readonly inner: RecentPublicationsRepository,
    windowSeconds: number,
  ) {
    super();
    this.lookups = new Coalescer(async (batch) => {
      const found = await this.inner.findPublished([...new Set(batch.flatMap((w) => w.ids))], windowSeconds);
      batch.forEach((w) => w.resolve(new Set(w.ids.filter((id) => found.has(id)))));
    });
    this.inserts = new Coalescer(async (batch) => {
      await this.inner.remember([...new Set(batch.flatMap((w) => w.ids))]);
      batch.forEach((w) => w.resolve());
    });
  }

  findPublished(ids: readonly string[]): Promise<Set<string>> {
    return ids.length === 0 ? Promise.resolve(new Set()) : this.lookups.submit(ids);
  }

  remember(ids: readonly string[]): Promise<void> {
    return ids.length === 0 ? Promise.resolve() : this.inserts.submit(ids);
  }

  forgetOlderThan(windowSeconds: number): Promise<number> {
    return this.inner.forgetOlderThan(windowSeconds);
  }
}
