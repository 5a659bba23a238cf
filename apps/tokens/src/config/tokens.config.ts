import { toInteger } from '@app/config';
import { MetaAppConfig } from '@app/meta';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, MinLength, Min } from 'class-validator';

const between = (name: string, min: number, max: number) => `${name} must be an integer between ${min} and ${max}`;

/** The tokens app's settings; every variable is listed in the README. */
export class TokensConfig extends MetaAppConfig {
  override PORT: number = 3002;

  /** Where the login dialog lives (`{url}/{version}/dialog/oauth`); the sandbox's URL locally. */
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'META_DIALOG_URL must be an absolute http(s) URL' })
  META_DIALOG_URL: string = 'https://www.facebook.com';

  /** Facebook Login for Business configuration id; without it the dialog asks for `scope` instead. */
  @IsOptional()
  @IsString()
  META_LOGIN_CONFIG_ID?: string;

  /** What App Review granted, e.g. `pages_messaging:advanced,instagram_manage_messages:standard`; shown in diagnostics. */
  @IsOptional()
  @Matches(/^\s*[a-z_]+:(standard|advanced)(\s*,\s*[a-z_]+:(standard|advanced))*\s*$/, {
    message: 'META_ACCESS_LEVELS must be <permission>:standard|advanced[,...]',
  })
  META_ACCESS_LEVELS?: string;

  /** `<key id>:<base64 of 32 bytes>`, comma-separated; the first encrypts, all decrypt (rotation). */
  @IsString({ message: 'TOKEN_ENCRYPTION_KEY must be set (<key id>:<base64 of 32 bytes>[,<older>...])' })
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{43,44}(\s*,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'TOKEN_ENCRYPTION_KEY must be <key id>:<base64 of 32 bytes>[,<older>...]',
  })
  TOKEN_ENCRYPTION_KEY!: string;

  /** Signs the onboarding `state`; at least 32 characters. */
  @IsString({ message: 'ONBOARDING_STATE_SECRET must be at least 32 characters' })
  @MinLength(32, { message: 'ONBOARDING_STATE_SECRET must be at least 32 characters' })
  ONBOARDING_STATE_SECRET!: string;

  @Transform(toInteger)
  @IsInt({ message: between('ONBOARDING_STATE_TTL_SECONDS', 60, 3600) })
  @Min(60, { message: between('ONBOARDING_STATE_TTL_SECONDS', 60, 3600) })
  @Max(3600, { message: between('ONBOARDING_STATE_TTL_SECONDS', 60, 3600) })
  ONBOARDING_STATE_TTL_SECONDS: number = 600;

  @Transform(toInteger)
  @IsInt({ message: between('ACCESS_TOKEN_TTL_SECONDS', 60, 3600) })
  @Min(60, { message: between('ACCESS_TOKEN_TTL_SECONDS', 60, 3600) })
  @Max(3600, { message: between('ACCESS_TOKEN_TTL_SECONDS', 60, 3600) })
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @Transform(toInteger)
  @IsInt({ message: between('HEALTH_CHECK_INTERVAL_SECONDS', 0, 86400) })
  @Min(0, { message: between('HEALTH_CHECK_INTERVAL_SECONDS', 0, 86400) })
  @Max(86_400, { message: between('HEALTH_CHECK_INTERVAL_SECONDS', 0, 86400) })
  HEALTH_CHECK_INTERVAL_SECONDS: number = 3600;

  get issuer(): string {
    return this.AUTH_ISSUER ?? this.PUBLIC_URL ?? `http://localhost:${this.PORT}`;
  }
}
