import { DomainError } from '@app/errors';

export const CRM_SCOPES = ['messages:send', 'messages:read', 'pages:read', 'pages:manage', 'compliance:read'] as const;
export type CrmScope = (typeof CRM_SCOPES)[number];

/** The CRM client a request acts for, taken from a verified access token. */
export interface CrmPrincipal {
  clientId: string;
  tenantId: string;
  scopes: CrmScope[];
}

/** Claim names of Parley's access tokens (RFC 9068 style: `scope` is space-separated). */
export const TENANT_CLAIM = 'tenant_id';

export function isCrmScope(value: string): value is CrmScope {
  return (CRM_SCOPES as readonly string[]).includes(value);
}

/** Builds the principal from verified claims; refuses tokens that lack a subject, tenant or scope. */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): CrmPrincipal {
  const sub = claims.sub;
  const tenant = claims[TENANT_CLAIM];
  const scope = claims.scope;
  if (
    typeof sub !== 'string' ||
    sub === '' ||
    typeof tenant !== 'string' ||
    tenant === '' ||
    typeof scope !== 'string'
  ) {
    throw new DomainError('unauthorized', 'The access token lacks a subject, tenant or scope.');
  }
  return { clientId: sub, tenantId: tenant, scopes: scope.split(' ').filter(isCrmScope) };
}

export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  return required.filter((s) => !granted.includes(s));
}

/**
 * A tenant sees only its own resources: another tenant's resource answers as if it did not exist, so ids
 * of other tenants cannot be probed.
 */
export function assertSameTenant(
  principal: CrmPrincipal,
  ownerTenantId: string | null | undefined,
  what: string,
): void {
  if (ownerTenantId !== principal.tenantId) throw new DomainError('not_found', `${what} not found.`);
}
