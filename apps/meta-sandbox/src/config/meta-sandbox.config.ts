import { BaseAppConfig } from '@app/config';

/** The sandbox's HTTP and database settings; its Meta-world settings are read by sandboxSettingsFromEnv. */
export class MetaSandboxConfig extends BaseAppConfig {
  override PORT: number = 3004;
}
