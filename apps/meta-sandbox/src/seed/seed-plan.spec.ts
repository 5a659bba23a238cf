import { IdGenerator } from '../common/ids';
import { DEFAULT_PAGE_FIELDS, planSeed } from './seed-plan';

/** Counting ids, so plans are predictable. */
class CountingIds extends IdGenerator {
  private n = 0;
  private next(prefix: string) {
    this.n += 1;
    return `${prefix}${this.n}`;
  }
  numeric(digits: number, prefix = '9') {
    return this.next(prefix).padEnd(digits, '0');
  }
  appId() {
    return this.next('app');
  }
  pageId() {
    return this.next('page');
  }
  instagramAccountId() {
    return this.next('ig');
  }
  scopedUserId() {
    return this.next('sid');
  }
  messageId() {
    return this.next('m_');
  }
  conversationId() {
    return this.next('t_');
  }
  accessToken() {
    return this.next('EAA');
  }
  secret() {
    return this.next('secret');
  }
  oauthCode() {
    return this.next('code');
  }
  fbtraceId() {
    return this.next('trace');
  }
}

const now = new Date('2026-06-01T00:00:00Z');

describe(planSeed.name, () => {
  it('fills defaults: every app on every Page with every field, identities on every channel, admins with every task', () => {
    const sut = planSeed(
      {
        apps: [{ key: 'a' }, { key: 'b', id: '12345' }],
        pages: [{ key: 'p', instagram: {} }, { key: 'q' }],
        people: [{ key: 'ana' }],
        admins: [{ key: 'adm' }],
      },
      new CountingIds(),
      now,
    );

    const [p, q] = sut.keys.pages.map((x) => x.page.id);
    const ig = sut.keys.pages[0].instagram?.id;
    expect(sut.world.subscriptions.map((s) => [s.appId, s.pageId])).toEqual([
      ['app1', p],
      ['12345', p],
      ['app1', q],
      ['12345', q],
    ]);
    expect(sut.world.subscriptions[0].fields).toEqual(DEFAULT_PAGE_FIELDS);
    expect(sut.world.identities.map((i) => [i.channel, i.accountId])).toEqual([
      ['messenger', p],
      ['instagram', ig],
      ['messenger', q],
    ]);
    expect(sut.world.roles.map((r) => r.tasks)).toEqual([
      ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'MESSAGING', 'ADVERTISE', 'ANALYZE'],
      ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'MESSAGING', 'ADVERTISE', 'ANALYZE'],
    ]);
    expect(sut.world.grants).toHaveLength(2);
    expect(sut.tokens.map((t) => [t.appKey, t.pageTokens.length])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
  });

  it('honours explicit ids, identities, declined permissions, chosen Pages and fixed tokens', () => {
    const sut = planSeed(
      {
        app: {
          key: 'demo',
          id: '900',
          secret: 's',
          verifyToken: 'v',
          callbackUrl: 'http://127.0.0.1:3000/webhooks/meta',
        },
        pages: [
          {
            key: 'shop',
            id: '100',
            instagram: { id: '1784', username: 'shop' },
            defaultApp: 'demo',
            subscriptions: [],
          },
          { key: 'other', id: '200' },
        ],
        people: [{ key: 'ana', id: 'ana', identities: [{ page: 'shop', channel: 'instagram', id: '8000' }] }],
        admins: [
          {
            key: 'dana',
            id: '600',
            declined: ['business_management'],
            grantedPages: ['shop'],
            userTokens: { demo: 'EAAuser' },
            pageTokens: { 'demo:shop': 'EAApage' },
          },
        ],
      },
      new CountingIds(),
      now,
    );

    expect(sut.world.pages[0].defaultAppId).toBe('900');
    expect(sut.world.subscriptions.map((s) => s.pageId)).toEqual(['200']);
    expect(sut.world.identities).toEqual([
      expect.objectContaining({ scopedId: '8000', channel: 'instagram', accountId: '1784', personId: 'ana' }),
    ]);
    expect(sut.world.grants[0]).toMatchObject({
      pageIds: ['100'],
      permissions: expect.objectContaining({ pages_messaging: 'granted', business_management: 'declined' }),
    });
    expect(sut.tokens).toEqual([
      {
        appKey: 'demo',
        appId: '900',
        userId: '600',
        userToken: 'EAAuser',
        pageTokens: [{ pageKey: 'shop', pageId: '100', token: 'EAApage' }],
      },
    ]);
  });

  it.each([
    [{ pages: [] }, 'seed at least one app'],
    [{ app: {}, pages: [{ defaultApp: 'nope' }] }, 'unknown app key nope'],
    [
      { app: {}, pages: [{ key: 'p' }], people: [{ identities: [{ page: 'p', channel: 'instagram' as const }] }] },
      'page p has no Instagram account',
    ],
  ])('refuses %j', (dto, message) => {
    expect(() => planSeed(dto, new CountingIds(), now)).toThrow(message);
  });
});
