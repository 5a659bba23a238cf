import { prepared } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecentPublicationEntity } from './recent-publication.entity';
import { RecentPublicationsRepository } from './recent-publications.repository';

/** The dedupe window in the gateway's own PostgreSQL schema: one indexed lookup per delivery. */
@Injectable()
export class PgRecentPublicationsRepository extends RecentPublicationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  private get table(): string {
    const path = this.dataSource.getMetadata(RecentPublicationEntity).tablePath;
    return path
      .split('.')
      .map((part) => `"${part}"`)
      .join('.');
  }

  async findPublished(ids: readonly string[], windowSeconds: number): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      prepared(
        `SELECT id FROM ${this.table} WHERE id = ANY($1::uuid[]) AND published_at > now() - make_interval(secs => $2)`,
      ),
      [ids, windowSeconds],
    );
    return new Set(rows.map((row) => row.id));
  }

  async remember(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    // A redelivery after the window publishes again, so its ids start a new window.
    await this.dataSource.query(
      prepared(`INSERT INTO ${this.table} (id, published_at) SELECT unnest($1::uuid[]), now()
       ON CONFLICT (id) DO UPDATE SET published_at = excluded.published_at`),
      [ids],
    );
  }

  async forgetOlderThan(windowSeconds: number): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE published_at < now() - make_interval(secs => $1)`,
      [windowSeconds],
    );
    return result[1];
  }
}
