import { Injectable, Logger } from '@nestjs/common';
import { Clock, IdGenerator } from '../common/ids';
import { DemoSeed } from '../common/sandbox-settings';
import { TokenIssuer } from '../tokens/token-issuer.service';
import { TokenRepository } from '../tokens/token.repository';
import { WorldRepository } from '../world/world.repository';
import { SeedDto } from './dto/seed.dto';
import { planSeed } from './seed-plan';

export interface SeedResult {
  apps: Array<{
    key: string;
    id: string;
    name: string;
    secret: string;
    verifyToken: string;
    callbackUrl: string | null;
    appToken: string;
  }>;
  pages: Array<{ key: string; id: string; name: string; instagram: { id: string; username: string } | null }>;
  people: Array<{
    key: string;
    id: string;
    name: string;
    psids: Record<string, string>;
    igsids: Record<string, string>;
  }>;
  admins: Array<{
    key: string;
    id: string;
    name: string;
    tokens: Array<{
      appId: string;
      userToken: string;
      userTokenExpiresAt: string | null;
      pageTokens: Record<string, string>;
    }>;
  }>;
}

/** Creates a world (apps, Pages, Instagram accounts, people, admins, tokens) in one call. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    private readonly world: WorldRepository,
    private readonly tokens: TokenRepository,
    private readonly issuer: TokenIssuer,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async seed(dto: SeedDto): Promise<SeedResult> {
    const plan = planSeed(dto, this.ids, new Date(this.clock.now()));
    await this.world.insertWorld(plan.world);
    const issued = plan.tokens.map((t) => {
      const user = this.issuer.userToken(t.appId, t.userId, 'long');
      if (t.userToken) user.token = t.userToken;
      const pages = t.pageTokens.map((p) => {
        const page = this.issuer.pageToken(user, p.pageId);
        if (p.token) page.token = p.token;
        return page;
      });
      return { plan: t, user, pages };
    });
    await this.tokens.insertMany(issued.flatMap((i) => [i.user, ...i.pages]));
    return {
      apps: plan.keys.apps.map(({ key, app }) => ({
        key,
        id: app.id,
        name: app.name,
        secret: app.secret,
        verifyToken: app.verifyToken,
        callbackUrl: app.callbackUrl,
        appToken: `${app.id}|${app.secret}`,
      })),
      pages: plan.keys.pages.map(({ key, page, instagram }) => ({
        key,
        id: page.id,
        name: page.name,
        instagram: instagram ? { id: instagram.id, username: instagram.username } : null,
      })),
      people: plan.keys.people.map(({ key, person, identities }) => ({
        key,
        id: person.id,
        name: person.name,
        psids: Object.fromEntries(
          identities.filter((i) => i.channel === 'messenger').map((i) => [i.accountId, i.scopedId]),
        ),
        igsids: Object.fromEntries(
          identities.filter((i) => i.channel === 'instagram').map((i) => [i.accountId, i.scopedId]),
        ),
      })),
      admins: plan.keys.admins.map(({ key, user }) => ({
        key,
        id: user.id,
        name: user.name,
        tokens: issued
          .filter((i) => i.plan.userId === user.id)
          .map((i) => ({
            appId: i.plan.appId,
            userToken: i.user.token,
            userTokenExpiresAt: i.user.expiresAt?.toISOString() ?? null,
            pageTokens: Object.fromEntries(i.pages.map((p) => [p.pageId ?? '', p.token])),
          })),
      })),
    };
  }

  /** The local stack's world: one app, one Page with an Instagram account, two people, one admin. Idempotent. */
  async seedDemo(demo: DemoSeed): Promise<SeedResult | null> {
    const existing = await this.world.app(demo.appId);
    if (existing) {
      // A restart with other settings keeps the world but follows the configured secret and callback.
      await this.world.updateApp(demo.appId, {
        secret: demo.appSecret,
        verifyToken: demo.verifyToken,
        callbackUrl: demo.callbackUrl,
      });
      return null;
    }
    const result = await this.seed(demoSeed(demo));
    this.logger.log({ appId: demo.appId, pageId: DEMO_PAGE_ID, instagramId: DEMO_INSTAGRAM_ID }, 'demo world seeded');
    return result;
  }
}

export const DEMO_PAGE_ID = '100000000000001';
export const DEMO_INSTAGRAM_ID = '17841400000000001';
export const DEMO_ADMIN_ID = '600000000000001';
export const DEMO_USER_TOKEN = 'EAAsandboxDemoUserToken0001';
export const DEMO_PAGE_TOKEN = 'EAAsandboxDemoPageToken0001';

export function demoSeed(demo: DemoSeed): SeedDto {
  return {
    app: {
      key: 'demo',
      id: demo.appId,
      name: 'Parley (sandbox)',
      secret: demo.appSecret,
      verifyToken: demo.verifyToken,
      callbackUrl: demo.callbackUrl,
    },
    pages: [
      {
        key: 'shop',
        id: DEMO_PAGE_ID,
        name: 'Parley Demo Shop',
        instagram: { id: DEMO_INSTAGRAM_ID, username: 'parley.demo', name: 'Parley Demo Shop' },
      },
    ],
    people: [
      {
        key: 'ana',
        id: 'ana',
        name: 'Ana Souza',
        username: 'ana.souza',
        locale: 'pt_BR',
        timezone: -3,
        identities: [
          { page: 'shop', channel: 'messenger', id: '7000000000000001' },
          { page: 'shop', channel: 'instagram', id: '8000000000000001' },
        ],
      },
      {
        key: 'ben',
        id: 'ben',
        name: 'Ben Carter',
        username: 'ben.carter',
        identities: [
          { page: 'shop', channel: 'messenger', id: '7000000000000002' },
          { page: 'shop', channel: 'instagram', id: '8000000000000002' },
        ],
      },
    ],
    admins: [
      {
        key: 'dana',
        id: DEMO_ADMIN_ID,
        name: 'Dana Admin',
        userTokens: { demo: DEMO_USER_TOKEN },
        pageTokens: { 'demo:shop': DEMO_PAGE_TOKEN },
      },
    ],
  };
}
