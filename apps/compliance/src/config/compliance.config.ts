import { AuthenticatedAppConfig, toInteger } from '@app/config';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsString, IsUrl, Max, Min } from 'class-validator';
import { DEFAULT_MESSAGING_POLICY } from '../decisions/messaging-policy';

const between = (name: string, min: number, max: number) => `${name} must be a number between ${min} and ${max}`;
const toNumber = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : typeof value === 'number' ? value : Number(value);

/** The compliance app's settings; every variable is listed in the README. */
export class ComplianceConfig extends AuthenticatedAppConfig {
  override PORT: number = 3003;

  /** Where tokens publishes its JWKS (CRM access tokens are verified against it). */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'TOKENS_URL must be an absolute http(s) URL' })
  TOKENS_URL: string = 'http://127.0.0.1:3002';

  /** Comma-separated message texts that opt a person out (case-insensitive, whole message). */
  @IsString()
  OPT_OUT_KEYWORDS: string = DEFAULT_MESSAGING_POLICY.optOutKeywords.join(',');

  @IsString()
  OPT_IN_KEYWORDS: string = DEFAULT_MESSAGING_POLICY.optInKeywords.join(',');

  /** Per-tenant account lists replacing the default, e.g. `1122=STOP|BASTA;1789=STOP|ARRET`. */
  @IsString()
  OPT_OUT_KEYWORDS_BY_ACCOUNT: string = '';

  /** Fraction of Meta's high-volume limits at which compliance warns. */
  @Transform(toNumber)
  @IsNumber({}, { message: between('VOLUME_WARN_RATIO', 0, 1) })
  @Min(0, { message: between('VOLUME_WARN_RATIO', 0, 1) })
  @Max(1, { message: between('VOLUME_WARN_RATIO', 0, 1) })
  VOLUME_WARN_RATIO: number = DEFAULT_MESSAGING_POLICY.volume.warnRatio;

  /** Fraction of Meta's high-volume limits from which non-response messages are denied. */
  @Transform(toNumber)
  @IsNumber({}, { message: between('VOLUME_DENY_RATIO', 0, 1) })
  @Min(0, { message: between('VOLUME_DENY_RATIO', 0, 1) })
  @Max(1, { message: between('VOLUME_DENY_RATIO', 0, 1) })
  VOLUME_DENY_RATIO: number = DEFAULT_MESSAGING_POLICY.volume.denyRatio;

  @Transform(toInteger)
  @IsInt({ message: between('WINDOW_RETENTION_DAYS', 8, 3650) })
  @Min(8, { message: between('WINDOW_RETENTION_DAYS', 8, 3650) })
  @Max(3650, { message: between('WINDOW_RETENTION_DAYS', 8, 3650) })
  WINDOW_RETENTION_DAYS: number = 90;

  @Transform(toInteger)
  @IsInt({ message: between('AUDIT_RETENTION_DAYS', 1, 3650) })
  @Min(1, { message: between('AUDIT_RETENTION_DAYS', 1, 3650) })
  @Max(3650, { message: between('AUDIT_RETENTION_DAYS', 1, 3650) })
  AUDIT_RETENTION_DAYS: number = 400;

  @Transform(toInteger)
  @IsInt({ message: between('RETENTION_SWEEP_INTERVAL_SECONDS', 10, 86400) })
  @Min(10, { message: between('RETENTION_SWEEP_INTERVAL_SECONDS', 10, 86400) })
  @Max(86_400, { message: between('RETENTION_SWEEP_INTERVAL_SECONDS', 10, 86400) })
  RETENTION_SWEEP_INTERVAL_SECONDS: number = 3600;

  /** Comma-separated apps that must report before an erasure request counts as completed. */
  @IsString()
  ERASURE_APPS: string = 'compliance,outbound,tokens';

  get issuer(): string {
    return this.AUTH_ISSUER ?? this.TOKENS_URL;
  }
}
