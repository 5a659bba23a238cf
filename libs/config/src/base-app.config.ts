import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const toInteger = ({ value }: { value: unknown }): unknown =>
  value === undefined || value === '' ? undefined : typeof value === 'number' ? value : Number(value);

/** 'true' and 'false' as booleans; anything else is left for validation to refuse. */
export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value;

/** Settings every app shares; each app's config class extends it with its own. */
export class BaseAppConfig {
  @Transform(toInteger)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT!: number;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsString({ message: 'DATABASE_URL must be a postgres:// URL' })
  @IsUrl(
    { protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true },
    { message: 'DATABASE_URL must be a postgres:// URL' },
  )
  DATABASE_URL!: string;

  /** Connections per app instance; the sum over all instances must stay below the server's max_connections. */
  @Transform(toInteger)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be an integer between 1 and 100' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be an integer between 1 and 100' })
  @Max(100, { message: 'DATABASE_POOL_SIZE must be an integer between 1 and 100' })
  DATABASE_POOL_SIZE: number = 5;

  /** Off only behind a pooler that gives each transaction another server connection (PgBouncer in transaction mode before 1.21). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'DATABASE_PREPARED_STATEMENTS must be true or false' })
  DATABASE_PREPARED_STATEMENTS: boolean = true;

  /** Largest JSON body accepted, in bytes. */
  @Transform(toInteger)
  @IsInt({ message: 'HTTP_BODY_LIMIT_BYTES must be an integer between 1024 and 52428800' })
  @Min(1024, { message: 'HTTP_BODY_LIMIT_BYTES must be an integer between 1024 and 52428800' })
  @Max(52_428_800, { message: 'HTTP_BODY_LIMIT_BYTES must be an integer between 1024 and 52428800' })
  HTTP_BODY_LIMIT_BYTES: number = 1_048_576;

  /** How long in-flight requests may take to finish after SIGTERM before the process exits anyway. */
  @Transform(toInteger)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be an integer between 0 and 600000' })
  @Min(0, { message: 'SHUTDOWN_TIMEOUT_MS must be an integer between 0 and 600000' })
  @Max(600_000, { message: 'SHUTDOWN_TIMEOUT_MS must be an integer between 0 and 600000' })
  SHUTDOWN_TIMEOUT_MS: number = 25_000;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute http(s) URL' })
  PUBLIC_URL?: string;
}
