import { toInteger } from '@app/config';
import { MetaAppConfig } from '@app/meta';
import { Transform } from 'class-transformer';
import { IsInt, IsUrl, Max, Min } from 'class-validator';

const between = (name: string, min: number, max: number) => `${name} must be an integer between ${min} and ${max}`;
const url = (name: string) => `${name} must be an absolute http(s) URL`;

/** The outbound app's settings; every variable is listed in the README. */
export class OutboundConfig extends MetaAppConfig {
  override PORT: number = 3001;

  /** Where compliance answers `POST /internal/v1/decisions`. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: url('COMPLIANCE_URL') })
  COMPLIANCE_URL: string = 'http://127.0.0.1:3003';

  /** Where tokens hands out Page tokens on its internal routes, and publishes its JWKS. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: url('TOKENS_URL') })
  TOKENS_URL: string = 'http://127.0.0.1:3002';

  /** Every send of one Page or Instagram account per second: below the 40/s that takes a Page's inbox down. */
  @Transform(toInteger)
  @IsInt({ message: between('OUTBOUND_ACCOUNT_PER_SECOND', 1, 1000) })
  @Min(1, { message: between('OUTBOUND_ACCOUNT_PER_SECOND', 1, 1000) })
  @Max(1000, { message: between('OUTBOUND_ACCOUNT_PER_SECOND', 1, 1000) })
  OUTBOUND_ACCOUNT_PER_SECOND: number = 35;

  /** Send API text calls per second per Page (Meta: 300). */
  @Transform(toInteger)
  @IsInt({ message: between('OUTBOUND_MESSENGER_TEXT_PER_SECOND', 1, 1000) })
  @Min(1, { message: between('OUTBOUND_MESSENGER_TEXT_PER_SECOND', 1, 1000) })
  @Max(1000, { message: between('OUTBOUND_MESSENGER_TEXT_PER_SECOND', 1, 1000) })
  OUTBOUND_MESSENGER_TEXT_PER_SECOND: number = 300;

  /** Send API audio/video calls per second per Page or Instagram account (Meta: 10). */
  @Transform(toInteger)
  @IsInt({ message: between('OUTBOUND_MEDIA_PER_SECOND', 1, 1000) })
  @Min(1, { message: between('OUTBOUND_MEDIA_PER_SECOND', 1, 1000) })
  @Max(1000, { message: between('OUTBOUND_MEDIA_PER_SECOND', 1, 1000) })
  OUTBOUND_MEDIA_PER_SECOND: number = 10;

  /** Send API calls per second per Instagram account (Meta: 100 or 300; the stricter figure). */
  @Transform(toInteger)
  @IsInt({ message: between('OUTBOUND_INSTAGRAM_TEXT_PER_SECOND', 1, 1000) })
  @Min(1, { message: between('OUTBOUND_INSTAGRAM_TEXT_PER_SECOND', 1, 1000) })
  @Max(1000, { message: between('OUTBOUND_INSTAGRAM_TEXT_PER_SECOND', 1, 1000) })
  OUTBOUND_INSTAGRAM_TEXT_PER_SECOND: number = 100;

  /** Attempts per message before it fails with the last error. */
  @Transform(toInteger)
  @IsInt({ message: between('OUTBOUND_MAX_ATTEMPTS', 1, 50) })
  @Min(1, { message: between('OUTBOUND_MAX_ATTEMPTS', 1, 50) })
  @Max(50, { message: between('OUTBOUND_MAX_ATTEMPTS', 1, 50) })
  OUTBOUND_MAX_ATTEMPTS: number = 8;

  /** First retry delay; doubles per attempt (throttling errors start 5 times higher). */
  @Transform(toInteger)
  @IsInt({ message: between('OUTBOUND_RETRY_BASE_MS', 1, 60000) })
  @Min(1, { message: between('OUTBOUND_RETRY_BASE_MS', 1, 60000) })
  @Max(60_000, { message: between('OUTBOUND_RETRY_BASE_MS', 1, 60000) })
  OUTBOUND_RETRY_BASE_MS: number = 1000;

  /** First pause of an account Meta restricted (error 368); doubles per restriction in a row, up to a day. */
  @Transform(toInteger)
  @IsInt({ message: between('OUTBOUND_PAUSE_SECONDS', 1, 86400) })
  @Min(1, { message: between('OUTBOUND_PAUSE_SECONDS', 1, 86400) })
  @Max(86_400, { message: between('OUTBOUND_PAUSE_SECONDS', 1, 86400) })
  OUTBOUND_PAUSE_SECONDS: number = 900;

  /** How long Idempotency-Key answers are kept (at least 24 h). */
  @Transform(toInteger)
  @IsInt({ message: between('IDEMPOTENCY_TTL_HOURS', 24, 720) })
  @Min(24, { message: between('IDEMPOTENCY_TTL_HOURS', 24, 720) })
  @Max(720, { message: between('IDEMPOTENCY_TTL_HOURS', 24, 720) })
  IDEMPOTENCY_TTL_HOURS: number = 48;

  /** Timeout of one Graph call; a timeout after the request left leaves the outcome unknown. */
  @Transform(toInteger)
  @IsInt({ message: between('META_TIMEOUT_MS', 100, 120000) })
  @Min(100, { message: between('META_TIMEOUT_MS', 100, 120000) })
  @Max(120_000, { message: between('META_TIMEOUT_MS', 100, 120000) })
  META_TIMEOUT_MS: number = 10_000;

  get issuer(): string {
    return this.AUTH_ISSUER ?? this.TOKENS_URL;
  }
}
