import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SigningKeyEntity } from '../clients/signing-key.entity';
import { PageConnectionEntity } from '../connections/page-connection.entity';
import { TokenVault } from './token-vault';

export interface RotationReport {
  connections: number;
  signingKeys: number;
}

/**
 * Re-encrypts every stored secret under the active encryption key. Run it after putting a new key first in
 * TOKEN_ENCRYPTION_KEY (old keys listed after it); once it reports zero, the old keys can be removed.
 */
@Injectable()
export class KeyRotationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: TokenVault,
  ) {}

  async reencryptAll(): Promise<RotationReport> {
    return this.dataSource.transaction(async (tx) => {
      let connections = 0;
      const rows = await tx
        .getRepository(PageConnectionEntity)
        .createQueryBuilder('c')
        .addSelect(['c.pageTokenCiphertext', 'c.userTokenCiphertext'])
        .setLock('pessimistic_write')
        .getMany();
      for (const c of rows) {
        const page = this.rotate(c.pageTokenCiphertext, `page:${c.pageId}`);
        const user = c.userTokenCiphertext ? this.rotate(c.userTokenCiphertext, `user:${c.pageId}`) : null;
        if (page === c.pageTokenCiphertext && user === c.userTokenCiphertext && c.keyId === this.vault.activeKeyId)
          continue;
        await tx.update(
          PageConnectionEntity,
          { pageId: c.pageId },
          { pageTokenCiphertext: page, userTokenCiphertext: user, keyId: this.vault.activeKeyId },
        );
        connections++;
      }
      let signingKeys = 0;
      const keys = await tx
        .getRepository(SigningKeyEntity)
        .createQueryBuilder('k')
        .addSelect('k.privateKeyCiphertext')
        .setLock('pessimistic_write')
        .getMany();
      for (const k of keys) {
        const rotated = this.rotate(k.privateKeyCiphertext, `signing-key:${k.kid}`);
        if (rotated === k.privateKeyCiphertext) continue;
        await tx.update(SigningKeyEntity, { kid: k.kid }, { privateKeyCiphertext: rotated });
        signingKeys++;
      }
      return { connections, signingKeys };
    });
  }

  private rotate(ciphertext: string, context: string): string {
    if (!this.vault.needsRotation(ciphertext)) return ciphertext;
    return this.vault.encrypt(this.vault.decrypt(ciphertext, context), context);
  }
}
