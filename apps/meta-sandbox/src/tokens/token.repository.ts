import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { TokenInvalidation } from '../graph/graph-error';
import { AccessTokenEntity, OAuthCodeEntity } from './token.entities';

@Injectable()
export class TokenRepository {
  constructor(private readonly db: DataSource) {}

  find(token: string): Promise<AccessTokenEntity | null> {
    return this.db.getRepository(AccessTokenEntity).findOneBy({ token });
  }

  async insert(token: AccessTokenEntity): Promise<void> {
    await this.db.getRepository(AccessTokenEntity).insert(token);
  }

  async insertMany(tokens: AccessTokenEntity[]): Promise<void> {
    if (tokens.length) await this.db.getRepository(AccessTokenEntity).insert(tokens);
  }

  /** A still-usable Page token already derived from this user token, so repeated calls return the same one. */
  pageTokenFrom(parentToken: string, pageId: string): Promise<AccessTokenEntity | null> {
    return this.db
      .getRepository(AccessTokenEntity)
      .findOneBy({ parentToken, pageId, type: 'PAGE', invalidated: IsNull() });
  }

  async invalidateUser(userId: string, reason: TokenInvalidation): Promise<number> {
    const result = await this.db
      .getRepository(AccessTokenEntity)
      .update({ userId, invalidated: IsNull() }, { invalidated: reason });
    return result.affected ?? 0;
  }

  async expire(token: string, at: Date): Promise<boolean> {
    const result = await this.db.getRepository(AccessTokenEntity).update({ token }, { expiresAt: at });
    return (result.affected ?? 0) > 0;
  }

  async insertCode(code: OAuthCodeEntity): Promise<void> {
    await this.db.getRepository(OAuthCodeEntity).insert(code);
  }

  findCode(code: string): Promise<OAuthCodeEntity | null> {
    return this.db.getRepository(OAuthCodeEntity).findOneBy({ code });
  }

  /** Marks a code used; false if it was used already (codes are single-use). */
  async useCode(code: string, at: Date): Promise<boolean> {
    const result = await this.db.getRepository(OAuthCodeEntity).update({ code, usedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) > 0;
  }
}
