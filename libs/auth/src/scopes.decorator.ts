import { Reflector } from '@nestjs/core';
import { CrmScope } from './crm-principal';

/** The scopes a route needs; every one of them must be in the token. */
export const RequireScopes = Reflector.createDecorator<CrmScope[]>();
