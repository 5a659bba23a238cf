import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '../common/ids';
import { SandboxSettings } from '../common/sandbox-settings';
import { AccessTokenEntity } from './token.entities';
import { TokenRepository } from './token.repository';

const DATA_ACCESS_MS = 90 * 24 * 60 * 60 * 1000;
const LONG_LIVED_THRESHOLD_MS = 24 * 60 * 60 * 1000;

/** Issues user and Page tokens with Meta's lifetimes (meta-platform.md §8.1). */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly settings: SandboxSettings,
  ) {}

  userToken(appId: string, userId: string, lifetime: 'short' | 'long'): AccessTokenEntity {
    const now = this.clock.now();
    const seconds =
      lifetime === 'short'
        ? this.settings.tokens.shortLivedUserTokenSeconds
        : this.settings.tokens.longLivedUserTokenSeconds;
    return this.build('USER', appId, userId, null, null, now, now + seconds * 1000);
  }

  async issueUserToken(appId: string, userId: string, lifetime: 'short' | 'long'): Promise<AccessTokenEntity> {
    const token = this.userToken(appId, userId, lifetime);
    await this.tokens.insert(token);
    return token;
  }

  /**
   * The Page token for a user token: the same one on every call while it works. From a long-lived user token
   * it never expires; from a short-lived one it lasts an hour.
   */
  async pageTokenFor(userToken: AccessTokenEntity, pageId: string): Promise<AccessTokenEntity> {
    const existing = await this.tokens.pageTokenFrom(userToken.token, pageId);
    const now = this.clock.now();
    if (existing && (existing.expiresAt === null || existing.expiresAt.getTime() > now)) return existing;
    const token = this.pageToken(userToken, pageId);
    await this.tokens.insert(token);
    return token;
  }

  pageToken(userToken: AccessTokenEntity, pageId: string): AccessTokenEntity {
    const now = this.clock.now();
    const userExpiry = userToken.expiresAt?.getTime() ?? null;
    const longLived = userExpiry === null || userExpiry - userToken.issuedAt.getTime() > LONG_LIVED_THRESHOLD_MS;
    const expiresAt = longLived ? null : now + this.settings.tokens.shortLivedPageTokenSeconds * 1000;
    return this.build('PAGE', userToken.appId, userToken.userId, pageId, userToken.token, now, expiresAt);
  }

  private build(
    type: AccessTokenEntity['type'],
    appId: string,
    userId: string | null,
    pageId: string | null,
    parentToken: string | null,
    now: number,
    expiresAt: number | null,
  ): AccessTokenEntity {
    return Object.assign(new AccessTokenEntity(), {
      token: this.ids.accessToken(),
      type,
      appId,
      userId,
      pageId,
      parentToken,
      issuedAt: new Date(now),
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
      dataAccessExpiresAt: new Date(now + DATA_ACCESS_MS),
      invalidated: null,
    });
  }
}
