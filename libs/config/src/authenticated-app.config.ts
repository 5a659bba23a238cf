import { IsOptional, IsString, MinLength } from 'class-validator';
import { BaseAppConfig } from './base-app.config';

/** Settings of an app that CRMs call with access tokens and Parley's other apps call on internal routes. */
export class AuthenticatedAppConfig extends BaseAppConfig {
  /** Shared secret Parley's apps present on each other's internal routes (`Authorization: Bearer …`). */
  @IsString({ message: 'INTERNAL_API_TOKEN must be at least 32 characters' })
  @MinLength(32, { message: 'INTERNAL_API_TOKEN must be at least 32 characters' })
  INTERNAL_API_TOKEN!: string;

  /** `iss` of CRM access tokens; each app says what it defaults to. */
  @IsOptional()
  @IsString()
  AUTH_ISSUER?: string;

  @IsString()
  AUTH_AUDIENCE: string = 'parley';
}
