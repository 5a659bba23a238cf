import { BaseAppConfig } from '@app/config';

/** The compliance app's settings; every variable is listed in the README. */
export class ComplianceConfig extends BaseAppConfig {
  override PORT: number = 3003;
}
