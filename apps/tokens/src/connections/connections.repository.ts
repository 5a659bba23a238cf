import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ConnectionStatus, PageConnectionEntity } from './page-connection.entity';

@Injectable()
export class ConnectionsRepository {
  private readonly rows: Repository<PageConnectionEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.rows = dataSource.getRepository(PageConnectionEntity);
  }

  find(pageId: string): Promise<PageConnectionEntity | null> {
    return this.rows.findOne({ where: { pageId } });
  }

  /** The connection of a Page or of its Instagram account, with the encrypted tokens. */
  findWithSecrets(accountId: string): Promise<PageConnectionEntity | null> {
    return this.rows
      .createQueryBuilder('c')
      .addSelect(['c.pageTokenCiphertext', 'c.userTokenCiphertext'])
      .where('c.pageId = :id OR c.instagramId = :id', { id: accountId })
      .orderBy('c.pageId = :id', 'DESC')
      .getOne();
  }

  listByTenant(tenantId: string): Promise<PageConnectionEntity[]> {
    return this.rows.find({ where: { tenantId }, order: { pageName: 'ASC', pageId: 'ASC' } });
  }

  listActive(): Promise<PageConnectionEntity[]> {
    return this.rows.find({ where: { status: 'active' }, order: { pageId: 'ASC' } });
  }

  async save(connection: PageConnectionEntity): Promise<void> {
    await this.rows.save(connection);
  }

  /** Changes the status; false when it already had it (so each change is reported once). */
  async setStatus(pageId: string, status: ConnectionStatus, reason: string, at: Date): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update(PageConnectionEntity)
      .set({ status, statusReason: reason, updatedAt: at })
      .where('page_id = :pageId AND status <> :status', { pageId, status })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async setPermissions(pageId: string, permissions: string[], at: Date): Promise<void> {
    await this.rows.update({ pageId }, { permissions, updatedAt: at });
  }

  async markChecked(pageId: string, at: Date): Promise<void> {
    await this.rows.update({ pageId }, { checkedAt: at });
  }

  /** Removes a Facebook user's id and user token from the Pages they connected; returns how many. */
  async forgetGranter(appScopedUserId: string, at: Date): Promise<number> {
    const result = await this.rows
      .createQueryBuilder()
      .update(PageConnectionEntity)
      .set({ grantedBy: null, userTokenCiphertext: null, updatedAt: at })
      .where('granted_by = :appScopedUserId', { appScopedUserId })
      .execute();
    return result.affected ?? 0;
  }
}
