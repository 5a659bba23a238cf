import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity';

@Injectable()
export class SigningKeysRepository {
  private readonly rows: Repository<SigningKeyEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.rows = dataSource.getRepository(SigningKeyEntity);
  }

  /** The newest unretired key, with its encrypted private half. */
  active(): Promise<SigningKeyEntity | null> {
    return this.rows
      .createQueryBuilder('k')
      .addSelect('k.privateKeyCiphertext')
      .where('k.retiredAt IS NULL')
      .orderBy('k.createdAt', 'DESC')
      .getOne();
  }

  /** Keys verifiers must still know: unretired ones, and ones retired after `since`. */
  published(since: Date): Promise<SigningKeyEntity[]> {
    return this.rows.find({
      where: [{ retiredAt: IsNull() }, { retiredAt: MoreThan(since) }],
      order: { createdAt: 'DESC' },
    });
  }

  /** Adds the new key and retires the others in one transaction. */
  async rotateTo(key: SigningKeyEntity): Promise<void> {
    await this.rows.manager.transaction(async (tx) => {
      await tx.update(SigningKeyEntity, { retiredAt: IsNull() }, { retiredAt: key.createdAt });
      await tx.save(SigningKeyEntity, key);
    });
  }
}
