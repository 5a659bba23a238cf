import { DynamicModule, Module } from '@nestjs/common';
import { CrmAuthGuard } from './crm-auth.guard';
import { CrmAuthOptions, CrmTokenVerifier } from './crm-token-verifier';

/** Gives an app {@link CrmAuthGuard}; use it with `@UseGuards(CrmAuthGuard)` and `@RequireScopes(...)`. */
@Module({})
export class AuthModule {
  static forRoot(options: CrmAuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: CrmTokenVerifier, useValue: new CrmTokenVerifier(options) }, CrmAuthGuard],
      exports: [CrmTokenVerifier, CrmAuthGuard],
    };
  }
}
