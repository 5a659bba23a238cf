import {
  CheckItem,
  diagnose,
  DiagnosticsInput,
  INSTAGRAM_PERMISSIONS,
  PAGE_PERMISSIONS,
  PAGE_SUBSCRIBED_FIELDS,
  PermissionState,
} from './diagnostics-rules';

const NOW = 1_800_000_000;
const DAY = 24 * 3600;
const ALL = [...PAGE_PERMISSIONS, ...INSTAGRAM_PERMISSIONS];

function healthy(overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    subject: { kind: 'page', pageId: 'p1' },
    token: { isValid: true, type: 'PAGE', expiresAt: 0, dataAccessExpiresAt: NOW + 80 * DAY, scopes: [...ALL] },
    permissions: ALL.map((permission) => ({ permission, status: 'granted' as const })),
    tasks: ['MANAGE', 'MESSAGING', 'MODERATE'],
    subscribedFields: [...PAGE_SUBSCRIBED_FIELDS],
    now: NOW,
    ...overrides,
  };
}

const withPermission = (permission: string, status: 'declined' | 'expired' | null) =>
  ALL.flatMap((p): Array<{ permission: string; status: PermissionState }> => {
    if (p !== permission) return [{ permission: p, status: 'granted' }];
    return status ? [{ permission: p, status }] : [];
  });

const ig = { kind: 'instagram' as const, pageId: 'p1', instagramId: 'ig1' };

describe('diagnose', () => {
  it('passes every item of a healthy Page', () => {
    const sut = diagnose(healthy());
    expect(sut.ready).toBe(true);
    expect(sut.items.map((i) => i.status)).toEqual(sut.items.map(() => 'pass'));
    expect(sut.items.map((i) => i.id)).toEqual([
      'token.valid',
      'token.type',
      'token.expiry',
      'token.data_access',
      ...PAGE_PERMISSIONS.map((p) => `permission.${p}`),
      'task.MESSAGING',
      'task.MODERATE',
      'webhook.subscription',
    ]);
  });

  it('adds the Instagram permissions for an Instagram account', () => {
    const sut = diagnose(healthy({ subject: ig }));
    expect(sut.items.filter((i) => i.id.startsWith('permission.')).map((i) => i.id)).toEqual(
      ALL.map((p) => `permission.${p}`),
    );
  });

  const cases: Array<[string, Partial<DiagnosticsInput>, string, CheckItem['status'], RegExp]> = [
    ['no token', { token: null }, 'token.valid', 'fail', /No token/],
    [
      'an invalidated token',
      { token: { isValid: false, scopes: [], error: { code: 190, subcode: 460, message: 'x' } } },
      'token.valid',
      'fail',
      /190\/460/,
    ],
    ['a user token', { token: { ...healthy().token!, type: 'USER' } }, 'token.type', 'fail', /USER/],
    [
      'a system-user token',
      { token: { ...healthy().token!, type: 'SYSTEM_USER' } },
      'token.type',
      'pass',
      /SYSTEM_USER/,
    ],
    ['an expired token', { token: { ...healthy().token!, expiresAt: NOW - 1 } }, 'token.expiry', 'fail', /expired/],
    [
      'a token expiring in 3 days',
      { token: { ...healthy().token!, expiresAt: NOW + 3 * DAY } },
      'token.expiry',
      'warn',
      /expires/,
    ],
    [
      'a token expiring in 30 days',
      { token: { ...healthy().token!, expiresAt: NOW + 30 * DAY } },
      'token.expiry',
      'pass',
      /expires/,
    ],
    [
      'data access that lapsed',
      { token: { ...healthy().token!, dataAccessExpiresAt: NOW - DAY } },
      'token.data_access',
      'fail',
      /Data access expired/,
    ],
    [
      'data access ending in 10 days',
      { token: { ...healthy().token!, dataAccessExpiresAt: NOW + 10 * DAY } },
      'token.data_access',
      'warn',
      /Data access expires/,
    ],
    [
      'a declined permission',
      { permissions: withPermission('pages_messaging', 'declined') },
      'permission.pages_messaging',
      'fail',
      /declined/,
    ],
    [
      'an expired permission',
      { permissions: withPermission('pages_manage_metadata', 'expired') },
      'permission.pages_manage_metadata',
      'fail',
      /expired/,
    ],
    [
      'a permission never requested',
      { permissions: withPermission('pages_read_engagement', null) },
      'permission.pages_read_engagement',
      'fail',
      /not granted/,
    ],
    [
      'a declined Instagram permission',
      { subject: ig, permissions: withPermission('instagram_manage_messages', 'declined') },
      'permission.instagram_manage_messages',
      'fail',
      /declined/,
    ],
    [
      'a permission granted for another Page only',
      { token: { ...healthy().token!, granularScopes: [{ scope: 'pages_messaging', targetIds: ['p2'] }] } },
      'permission.pages_messaging',
      'fail',
      /not p1/,
    ],
    [
      'an Instagram scope granted for this account',
      {
        subject: ig,
        token: { ...healthy().token!, granularScopes: [{ scope: 'instagram_basic', targetIds: ['ig1'] }] },
      },
      'permission.instagram_basic',
      'pass',
      /granted/,
    ],
    [
      'unreadable /me/permissions falls back on the token scopes',
      { permissions: null, token: { ...healthy().token!, scopes: ['pages_show_list'] } },
      'permission.pages_messaging',
      'fail',
      /not granted/,
    ],
    [
      'business_management declined while pages_messaging is granted',
      { permissions: withPermission('business_management', 'declined') },
      'dependency.business_management',
      'fail',
      /pages_messaging, pages_show_list, instagram_manage_messages granted without business_management/,
    ],
    ['a missing MESSAGING task', { tasks: ['MODERATE'] }, 'task.MESSAGING', 'fail', /cannot perform MESSAGING/],
    ['a missing MODERATE task', { tasks: ['MESSAGING'] }, 'task.MODERATE', 'fail', /cannot perform MODERATE/],
    ['no subscription', { subscribedFields: null }, 'webhook.subscription', 'fail', /not subscribed/],
    [
      'a subscription lacking fields',
      { subscribedFields: ['messages', 'message_echoes'] },
      'webhook.subscription',
      'fail',
      /lacks messaging_postbacks/,
    ],
    [
      'an Instagram account whose Page has any subscription',
      { subject: ig, subscribedFields: ['messages'] },
      'webhook.subscription',
      'pass',
      /subscribed/,
    ],
    [
      'a permission with Standard Access',
      { accessLevels: { pages_messaging: 'standard' } },
      'access.pages_messaging',
      'warn',
      /Standard Access/,
    ],
    [
      'a permission with Advanced Access',
      { accessLevels: { pages_messaging: 'advanced' } },
      'access.pages_messaging',
      'pass',
      /Advanced Access/,
    ],
  ];

  it.each(cases)('%s', (_, overrides, id, status, summary) => {
    const sut = diagnose(healthy(overrides));
    const item = sut.items.find((i) => i.id === id);
    expect(item).toMatchObject({ status });
    expect(item?.summary).toMatch(summary);
    expect(sut.ready).toBe(!sut.items.some((i) => i.status === 'fail'));
    if (status === 'pass') expect(item?.action).toBeUndefined();
    else expect(item?.action).toEqual(expect.any(String));
  });

  it('is not ready while anything fails, and ready with warnings only', () => {
    expect(diagnose(healthy({ tasks: ['MESSAGING'] })).ready).toBe(false);
    expect(diagnose(healthy({ accessLevels: { pages_messaging: 'standard' } })).ready).toBe(true);
  });
});
