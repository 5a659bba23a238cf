import { BatchingRecentPublications } from './batching-recent-publications';
import { RecentPublicationsRepository } from './recent-publications.repository';

/** The table as a set, with inserts that land only when the test lets them. */
class SlowTable extends RecentPublicationsRepository {
  readonly rows = new Set<string>();
  lookups = 0;
  private landing: (() => void)[] = [];

  async findPublished(ids: readonly string[]): Promise<Set<string>> {
    this.lookups += 1;
    return new Set(ids.filter((id) => this.rows.has(id)));
  }

  remember(ids: readonly string[]): Promise<void> {
    return new Promise((resolve) =>
      this.landing.push(() => {
        ids.forEach((id) => this.rows.add(id));
        resolve();
      }),
    );
  }

  forgetOlderThan = async (): Promise<number> => 0;

  land(): void {
    this.landing.splice(0).forEach((done) => done());
  }
}

describe(BatchingRecentPublications.name, () => {
  it('knows an id it was asked to remember before the insert lands, and from the table after', async () => {
    const table = new SlowTable();
    const sut = new BatchingRecentPublications(table, 60);
    const remembered = sut.remember(['a']);
    expect(await sut.findPublished(['a', 'b'])).toEqual(new Set(['a']));
    await new Promise((resolve) => setImmediate(resolve));
    table.land();
    await remembered;
    expect(await sut.findPublished(['a', 'b'])).toEqual(new Set(['a']));
    expect(table.rows.has('a')).toBe(true);
  });

  it('answers the lookups of one turn of the event loop with one query', async () => {
    const table = new SlowTable();
    table.rows.add('x');
    const sut = new BatchingRecentPublications(table, 60);
    const answers = await Promise.all([
      sut.findPublished(['x']),
      sut.findPublished(['y']),
      sut.findPublished(['x', 'z']),
    ]);
    expect(answers).toEqual([new Set(['x']), new Set(), new Set(['x'])]);
    expect(table.lookups).toBe(1);
  });
});
