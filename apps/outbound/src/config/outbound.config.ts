import { BaseAppConfig } from '@app/config';

/** The outbound app's settings; every variable is listed in the README. */
export class OutboundConfig extends BaseAppConfig {
  override PORT: number = 3001;
}
