import { CrmScope } from '@app/auth';
import { parseScopeList } from '../clients/scopes';

export type AdminCommand =
  | { kind: 'create-client'; tenantId: string; name: string; scopes: CrmScope[] }
  | { kind: 'list-clients'; tenantId?: string }
  | { kind: 'revoke-client'; clientId: string }
  | { kind: 'rotate-signing-key' }
  | { kind: 'rotate-encryption' }
  | { kind: 'help' };

export const ADMIN_USAGE = `Usage: tokens-admin <command> [options]

  clients create --tenant <id> --name <name> --scopes <a,b,...>   prints the client id and secret (shown once)
  clients list [--tenant <id>]
  clients revoke <client id>
  keys rotate-signing      new JWT signing key; the old one stays published until its tokens expired
  keys rotate-encryption   re-encrypt stored secrets under the first TOKEN_ENCRYPTION_KEY

Reads the same environment as the tokens app (DATABASE_URL, TOKEN_ENCRYPTION_KEY, ...).`;

function options(args: string[]): { positional: string[]; flags: Record<string, string> } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`${a} needs a value`);
    flags[a.slice(2)] = value;
    i++;
  }
  return { positional, flags };
}

function required(flags: Record<string, string>, name: string): string {
  const v = flags[name];
  if (!v) throw new Error(`--${name} is required`);
  return v;
}

/** Reads the command line; throws with a message naming what is wrong. */
export function parseAdminCommand(argv: string[]): AdminCommand {
  const [group, action, ...rest] = argv;
  if (!group || group === 'help' || group === '--help') return { kind: 'help' };
  const { positional, flags } = options(rest);
  const command = `${group} ${action ?? ''}`.trim();
  switch (command) {
    case 'clients create':
      return {
        kind: 'create-client',
        tenantId: required(flags, 'tenant'),
        name: required(flags, 'name'),
        scopes: parseScopeList(required(flags, 'scopes')),
      };
    case 'clients list':
      return { kind: 'list-clients', tenantId: flags.tenant };
    case 'clients revoke':
      if (!positional[0]) throw new Error('clients revoke needs a client id');
      return { kind: 'revoke-client', clientId: positional[0] };
    case 'keys rotate-signing':
      return { kind: 'rotate-signing-key' };
    case 'keys rotate-encryption':
      return { kind: 'rotate-encryption' };
    default:
      throw new Error(`unknown command: ${command}`);
  }
}
