import { parseAdminCommand } from './admin-commands';

describe('parseAdminCommand', () => {
  it.each([
    [[], { kind: 'help' }],
    [['--help'], { kind: 'help' }],
    [
      ['clients', 'create', '--tenant', 'acme', '--name', 'Acme CRM', '--scopes', 'messages:send,pages:read'],
      { kind: 'create-client', tenantId: 'acme', name: 'Acme CRM', scopes: ['messages:send', 'pages:read'] },
    ],
    [['clients', 'list'], { kind: 'list-clients', tenantId: undefined }],
    [['clients', 'list', '--tenant', 'acme'], { kind: 'list-clients', tenantId: 'acme' }],
    [['clients', 'revoke', 'crm_abc'], { kind: 'revoke-client', clientId: 'crm_abc' }],
    [['keys', 'rotate-signing'], { kind: 'rotate-signing-key' }],
    [['keys', 'rotate-encryption'], { kind: 'rotate-encryption' }],
  ])('%j', (argv, expected) => {
    expect(parseAdminCommand(argv)).toEqual(expected);
  });

  it.each([
    [['clients', 'create', '--tenant', 'acme', '--name', 'x'], /--scopes is required/],
    [['clients', 'create', '--tenant', 'acme', '--name', 'x', '--scopes', 'root'], /unknown scope root/],
    [['clients', 'create', '--tenant'], /--tenant needs a value/],
    [['clients', 'revoke'], /needs a client id/],
    [['clients', 'delete'], /unknown command: clients delete/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseAdminCommand(argv)).toThrow(message);
  });
});
