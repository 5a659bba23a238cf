import { decideConnect, permissionsChanged } from './connect-decision';

describe('decideConnect', () => {
  it.each([
    ['a new Page', null, { kind: 'store', change: 'connected' }],
    ['a Page of this tenant', { tenantId: 'a', status: 'active' as const }, { kind: 'store', change: 'refreshed' }],
    [
      'an invalid Page of this tenant',
      { tenantId: 'a', status: 'invalid' as const },
      { kind: 'store', change: 'refreshed' },
    ],
    [
      'a Page another tenant disconnected',
      { tenantId: 'b', status: 'disconnected' as const },
      { kind: 'store', change: 'connected' },
    ],
    ['a Page of another tenant', { tenantId: 'b', status: 'active' as const }, { kind: 'conflict' }],
  ])('%s', (_, existing, expected) => {
    expect(decideConnect(existing, 'a')).toEqual(expected);
  });
});

describe('permissionsChanged', () => {
  it.each([
    [['a', 'b'], ['b', 'a'], false],
    [['a'], ['a', 'b'], true],
    [['a', 'b'], ['a'], true],
    [[], [], false],
  ])('%j → %j: %s', (before, after, expected) => {
    expect(permissionsChanged(before, after)).toBe(expected);
  });
});
