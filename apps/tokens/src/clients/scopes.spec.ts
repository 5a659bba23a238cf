import { grantScopes, parseScopeList } from './scopes';

describe('grantScopes', () => {
  const allowed = ['messages:send', 'pages:read'];

  it.each([
    ['nothing asked → everything held', undefined, ['messages:send', 'pages:read']],
    ['an empty request → everything held', '', ['messages:send', 'pages:read']],
    ['a subset', 'pages:read', ['pages:read']],
    ['duplicates collapse', 'pages:read pages:read', ['pages:read']],
    ['a scope not held', 'pages:manage', null],
    ['an unknown scope', 'admin', null],
  ])('%s', (_, requested, expected) => {
    expect(grantScopes(requested, allowed)).toEqual(expected);
  });
});

describe('parseScopeList', () => {
  it('reads comma or space separated scopes', () => {
    expect(parseScopeList('messages:send, pages:read compliance:read')).toEqual([
      'messages:send',
      'pages:read',
      'compliance:read',
    ]);
  });

  it('refuses an unknown scope', () => {
    expect(() => parseScopeList('messages:send,root')).toThrow(/unknown scope root/);
  });
});
