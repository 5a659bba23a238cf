import { DynamicModule, Module } from '@nestjs/common';
import { platformModules } from '@app/runtime';
import { SandboxSettings } from './common/sandbox-settings';
import { MetaSandboxConfig } from './config/meta-sandbox.config';
import { META_SANDBOX_ENTITIES, META_SANDBOX_MIGRATIONS, MetaSandboxModule } from './meta-sandbox.module';

/** The deployable: the platform modules first, the sandbox (with its Graph catch-all route) last. */
@Module({})
export class MetaSandboxAppModule {
  static register(settings: { app: MetaSandboxConfig; sandbox: SandboxSettings }): DynamicModule {
    return {
      module: MetaSandboxAppModule,
      imports: [
        ...platformModules({
          service: 'meta-sandbox',
          app: settings.app,
          entities: META_SANDBOX_ENTITIES,
          migrations: META_SANDBOX_MIGRATIONS,
        }),
        MetaSandboxModule.forRoot(settings.sandbox),
      ],
    };
  }
}
