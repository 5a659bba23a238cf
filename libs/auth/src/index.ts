export * from './crm-principal';
export * from './crm-token-verifier';
export * from './scopes.decorator';
export * from './principal.decorator';
export * from './crm-auth.guard';
export * from './auth.module';
export * from './internal-token.guard';
