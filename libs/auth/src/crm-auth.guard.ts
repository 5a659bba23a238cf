import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@app/errors';
import { missingScopes } from './crm-principal';
import { CrmTokenVerifier } from './crm-token-verifier';
import { RequestWithPrincipal } from './principal.decorator';
import { RequireScopes } from './scopes.decorator';

/** Bearer JWT of a CRM client, verified locally; the route's {@link RequireScopes} must all be granted. */
@Injectable()
export class CrmAuthGuard implements CanActivate {
  constructor(
    private readonly verifier: CrmTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new DomainError('unauthorized', 'A bearer access token is required.');
    const principal = await this.verifier.verify(token);
    const required = this.reflector.getAllAndOverride(RequireScopes, [context.getHandler(), context.getClass()]) ?? [];
    const missing = missingScopes(principal.scopes, required);
    if (missing.length > 0) {
      throw new DomainError('forbidden', `The access token lacks the scope ${missing.join(', ')}.`, { missing });
    }
    request.principal = principal;
    return true;
  }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
