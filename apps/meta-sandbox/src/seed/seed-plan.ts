import { IdGenerator } from '../common/ids';
import { SandboxErrors } from '../common/sandbox-errors';
import { MESSAGING_PERMISSIONS } from '../auth/access-rules';
import { INSTAGRAM_FIELDS, PAGE_FIELDS } from '../webhooks/events';
import {
  AdminUserEntity,
  AppEntity,
  AppGrantEntity,
  IdentityEntity,
  InstagramAccountEntity,
  PageEntity,
  PageRoleEntity,
  PageSubscriptionEntity,
  PersonEntity,
} from '../world/world.entities';
import { World } from '../world/world.repository';
import { PAGE_TASKS, SeedDto } from './dto/seed.dto';

/** Page fields a messaging integration subscribes to (meta-platform.md §3). */
export const DEFAULT_PAGE_FIELDS = PAGE_FIELDS.filter(
  (f) => f !== 'feed' && f !== 'messaging_account_linking' && f !== 'messaging_feedback',
);
export const DEFAULT_INSTAGRAM_FIELDS = INSTAGRAM_FIELDS.filter(
  (f) => f !== 'comments' && f !== 'mentions' && f !== 'messaging_optins',
);

export interface TokenPlan {
  appKey: string;
  appId: string;
  userId: string;
  userToken: string | undefined;
  pageTokens: Array<{ pageKey: string; pageId: string; token: string | undefined }>;
}

export interface SeedPlan {
  world: World;
  keys: {
    apps: Array<{ key: string; app: AppEntity }>;
    pages: Array<{ key: string; page: PageEntity; instagram: InstagramAccountEntity | null }>;
    people: Array<{ key: string; person: PersonEntity; identities: IdentityEntity[] }>;
    admins: Array<{ key: string; user: AdminUserEntity }>;
  };
  tokens: TokenPlan[];
}

const FIRST_NAMES = ['Ana', 'Ben', 'Chioma', 'Daniel', 'Emi', 'Farah', 'Gustavo', 'Hana', 'Ivan', 'Julia'];
const LAST_NAMES = ['Souza', 'Carter', 'Okafor', 'Müller', 'Tanaka', 'Haddad', 'Lima', 'Kim', 'Petrov', 'García'];

/** Turns a seed request into rows, resolving keys and filling defaults. Throws on unknown keys. */
export function planSeed(dto: SeedDto, ids: IdGenerator, now: Date): SeedPlan {
  const appDtos = [...(dto.app ? [dto.app] : []), ...(dto.apps ?? [])];
  if (appDtos.length === 0) throw SandboxErrors.invalid('seed at least one app');
  const apps = appDtos.map((a) => {
    const id = a.id ?? ids.appId();
    const app = Object.assign(new AppEntity(), {
      id,
      name: a.name ?? 'Parley',
      secret: a.secret ?? ids.secret(),
      verifyToken: a.verifyToken ?? ids.secret(),
      callbackUrl: a.callbackUrl ?? null,
      requireAppsecretProof: a.requireAppsecretProof ?? false,
      humanAgentApproved: a.humanAgentApproved ?? true,
      instagramFields: a.instagramFields ?? [...DEFAULT_INSTAGRAM_FIELDS],
      duplicateRate: 0,
      reorder: false,
      deliveriesPaused: false,
      failingSince: null,
      createdAt: now,
    });
    return { key: a.key ?? id, app };
  });
  const appByKey = keyed(apps, 'app', (a) => a.app);

  const pages = (dto.pages ?? []).map((p, i) => {
    const id = p.id ?? ids.pageId();
    const page = Object.assign(new PageEntity(), {
      id,
      name: p.name ?? `Sandbox Page ${i + 1}`,
      category: p.category ?? 'Shopping & retail',
      defaultAppId: p.defaultApp ? appByKey(p.defaultApp).id : null,
      createdAt: now,
    });
    const instagram = p.instagram
      ? Object.assign(new InstagramAccountEntity(), {
          id: p.instagram.id ?? ids.instagramAccountId(),
          pageId: id,
          username: p.instagram.username ?? `sandbox.page${i + 1}`,
          name: p.instagram.name ?? page.name,
        })
      : null;
    return { key: p.key ?? id, page, instagram, dto: p };
  });
  const pageByKey = keyed(pages, 'page', (p) => p);

  const subscriptions = pages.flatMap(({ page, dto: p }) =>
    (p.subscriptions ?? apps.map((a) => ({ app: a.key, fields: undefined }))).map((s) =>
      Object.assign(new PageSubscriptionEntity(), {
        appId: appByKey(s.app).id,
        pageId: page.id,
        fields: s.fields ?? [...DEFAULT_PAGE_FIELDS],
        subscribedAt: now,
      }),
    ),
  );

  const people = (dto.people ?? []).map((p, i) => {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[i % LAST_NAMES.length];
    const name = p.name ?? `${first} ${last}`;
    const [firstName, ...rest] = name.split(' ');
    const person = Object.assign(new PersonEntity(), {
      id: p.id ?? `person-${ids.numeric(10)}`,
      name,
      firstName,
      lastName: rest.join(' '),
      username: p.username ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '.'),
      locale: p.locale ?? 'en_US',
      timezone: p.timezone ?? 0,
      followerCount: 100 + i,
      available: p.available ?? true,
    });
    const wanted =
      p.identities ??
      pages.flatMap((pg) => [
        { page: pg.key, channel: 'messenger' as const, id: undefined },
        ...(pg.instagram ? [{ page: pg.key, channel: 'instagram' as const, id: undefined }] : []),
      ]);
    const identities = wanted.map((w) => {
      const pg = pageByKey(w.page);
      if (w.channel === 'instagram' && !pg.instagram)
        throw SandboxErrors.invalid(`page ${w.page} has no Instagram account`);
      return Object.assign(new IdentityEntity(), {
        scopedId: w.id ?? ids.scopedUserId(),
        personId: person.id,
        channel: w.channel,
        accountId: w.channel === 'instagram' && pg.instagram ? pg.instagram.id : pg.page.id,
      });
    });
    return { key: p.key ?? person.id, person, identities };
  });

  const admins = (dto.admins ?? []).map((a, i) => {
    const user = Object.assign(new AdminUserEntity(), {
      id: a.id ?? ids.numeric(15),
      name: a.name ?? `Sandbox Admin ${i + 1}`,
    });
    const roles = (a.roles ?? pages.map((p) => ({ page: p.key, tasks: undefined }))).map((r) =>
      Object.assign(new PageRoleEntity(), {
        userId: user.id,
        pageId: pageByKey(r.page).page.id,
        tasks: r.tasks ?? [...PAGE_TASKS],
      }),
    );
    const permissions: Record<string, 'granted' | 'declined'> = {};
    for (const p of a.permissions ?? MESSAGING_PERMISSIONS) permissions[p] = 'granted';
    for (const p of a.declined ?? []) permissions[p] = 'declined';
    const pageIds = a.grantedPages ? a.grantedPages.map((k) => pageByKey(k).page.id) : null;
    const grants = apps.map(({ app }) =>
      Object.assign(new AppGrantEntity(), { appId: app.id, userId: user.id, permissions, pageIds, authorized: true }),
    );
    const tokens: TokenPlan[] = apps.map(({ key, app }) => ({
      appKey: key,
      appId: app.id,
      userId: user.id,
      userToken: a.userTokens?.[key],
      pageTokens: roles
        .filter((r) => pageIds === null || pageIds.includes(r.pageId))
        .map((r) => {
          const pageKey = pages.find((p) => p.page.id === r.pageId)?.key ?? r.pageId;
          return { pageKey, pageId: r.pageId, token: a.pageTokens?.[`${key}:${pageKey}`] };
        }),
    }));
    return { key: a.key ?? user.id, user, roles, grants, tokens };
  });

  return {
    world: {
      apps: apps.map((a) => a.app),
      pages: pages.map((p) => p.page),
      instagramAccounts: pages.flatMap((p) => (p.instagram ? [p.instagram] : [])),
      subscriptions,
      people: people.map((p) => p.person),
      identities: people.flatMap((p) => p.identities),
      admins: admins.map((a) => a.user),
      roles: admins.flatMap((a) => a.roles),
      grants: admins.flatMap((a) => a.grants),
    },
    keys: {
      apps,
      pages: pages.map(({ key, page, instagram }) => ({ key, page, instagram })),
      people: people.map(({ key, person, identities }) => ({ key, person, identities })),
      admins: admins.map(({ key, user }) => ({ key, user })),
    },
    tokens: admins.flatMap((a) => a.tokens),
  };
}

function keyed<T extends { key: string }, R>(items: T[], what: string, pick: (t: T) => R): (key: string) => R {
  const map = new Map(items.map((i) => [i.key, i]));
  return (key: string) => {
    const found = map.get(key);
    if (!found) throw SandboxErrors.invalid(`unknown ${what} key ${key}`);
    return pick(found);
  };
}
