import { CRM_SCOPES, CrmScope, isCrmScope } from '@app/auth';

export { CRM_SCOPES };

/**
 * The scopes a token gets: what was asked for (all of the client's when nothing was), or null when the
 * request names a scope the client does not hold (RFC 6749 `invalid_scope`).
 */
export function grantScopes(requested: string | undefined, allowed: readonly string[]): CrmScope[] | null {
  const held = allowed.filter(isCrmScope);
  const asked = (requested ?? '').split(' ').filter(Boolean);
  if (asked.length === 0) return held;
  if (!asked.every((s) => (held as string[]).includes(s))) return null;
  return [...new Set(asked)] as CrmScope[];
}

export function parseScopeList(text: string): CrmScope[] {
  const scopes = text
    .split(/[ ,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !isCrmScope(s));
  if (unknown.length > 0) throw new Error(`unknown scope ${unknown.join(', ')}; known: ${CRM_SCOPES.join(', ')}`);
  return scopes as CrmScope[];
}
