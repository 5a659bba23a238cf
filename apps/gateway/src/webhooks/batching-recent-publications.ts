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
  /** Ids handed to `remember` whose insert has not finished yet. */
  private readonly unsaved = new Set<string>();

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

  async findPublished(ids: readonly string[]): Promise<Set<string>> {
    const unsaved = ids.filter((id) => this.unsaved.has(id));
    const rest = ids.filter((id) => !this.unsaved.has(id));
    const found = rest.length === 0 ? new Set<string>() : await this.lookups.submit(rest);
    return new Set([...unsaved, ...found]);
  }

  /** Callers need not wait: until the insert lands, this replica answers its lookups from memory. */
  remember(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    ids.forEach((id) => this.unsaved.add(id));
    return this.inserts.submit(ids).finally(() => ids.forEach((id) => this.unsaved.delete(id)));
  }

  forgetOlderThan(windowSeconds: number): Promise<number> {
    return this.inner.forgetOlderThan(windowSeconds);
  }
}
