import { BaseAppConfig } from '@app/config';

/** The tokens app's settings; every variable is listed in the README. */
export class TokensConfig extends BaseAppConfig {
  override PORT: number = 3002;
}
