import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { CrmPrincipal } from './crm-principal';

export interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  principal?: CrmPrincipal;
}

/** The verified CRM client of the request (set by {@link CrmAuthGuard}). */
export const Principal = createParamDecorator((_: unknown, ctx: ExecutionContext): CrmPrincipal => {
  const principal = ctx.switchToHttp().getRequest<RequestWithPrincipal>().principal;
  if (!principal) throw new Error('Principal used on a route without CrmAuthGuard');
  return principal;
});
