import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { CrmClientEntity } from './crm-client.entity';

@Injectable()
export class CrmClientsRepository {
  private readonly rows: Repository<CrmClientEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.rows = dataSource.getRepository(CrmClientEntity);
  }

  async insert(client: CrmClientEntity): Promise<void> {
    await this.rows.insert(client);
  }

  /** An unrevoked client with its secret hash, for authentication only. */
  findActiveWithSecret(clientId: string): Promise<CrmClientEntity | null> {
    return this.rows
      .createQueryBuilder('c')
      .addSelect('c.secretHash')
      .where('c.clientId = :clientId AND c.revokedAt IS NULL', { clientId })
      .getOne();
  }

  list(tenantId?: string): Promise<CrmClientEntity[]> {
    return this.rows.find({ where: tenantId ? { tenantId } : {}, order: { createdAt: 'ASC' } });
  }

  async revoke(clientId: string, at: Date): Promise<boolean> {
    const result = await this.rows.update({ clientId, revokedAt: IsNull() }, { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
