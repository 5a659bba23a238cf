import { BaseAppConfig, toInteger } from '@app/config';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';

/** The gateway's settings; every variable is listed in the README. */
export class GatewayConfig extends BaseAppConfig {
  override PORT: number = 3000;

  /** Signs Meta's deliveries (X-Hub-Signature-256) and signed requests. */
  @IsString({ message: 'META_APP_SECRET must be set to the Meta app secret' })
  @IsNotEmpty({ message: 'META_APP_SECRET must be set to the Meta app secret' })
  META_APP_SECRET!: string;

  /** The previous app secret, accepted as well while a rotation is under way. */
  @IsOptional()
  @IsString()
  META_APP_SECRET_PREVIOUS?: string;

  @IsString({ message: 'META_VERIFY_TOKEN must be set to the webhook verify token' })
  @IsNotEmpty({ message: 'META_VERIFY_TOKEN must be set to the webhook verify token' })
  META_VERIFY_TOKEN!: string;

  /** Meta waits about 5 s for an answer; past this the gateway answers 503 and Meta redelivers. */
  @Transform(toInteger)
  @IsInt({ message: 'WEBHOOK_PUBLISH_TIMEOUT_MS must be an integer between 100 and 10000' })
  @Min(100, { message: 'WEBHOOK_PUBLISH_TIMEOUT_MS must be an integer between 100 and 10000' })
  @Max(10_000, { message: 'WEBHOOK_PUBLISH_TIMEOUT_MS must be an integer between 100 and 10000' })
  WEBHOOK_PUBLISH_TIMEOUT_MS: number = 2500;

  /** How long a published delivery is remembered, so a redelivery storm costs little. */
  @Transform(toInteger)
  @IsInt({ message: 'WEBHOOK_DEDUPE_WINDOW_SECONDS must be an integer between 0 and 604800' })
  @Min(0, { message: 'WEBHOOK_DEDUPE_WINDOW_SECONDS must be an integer between 0 and 604800' })
  @Max(604_800, { message: 'WEBHOOK_DEDUPE_WINDOW_SECONDS must be an integer between 0 and 604800' })
  WEBHOOK_DEDUPE_WINDOW_SECONDS: number = 86_400;
}
