import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidationArguments,
  validateSync,
} from 'class-validator';

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

const BROKER_LIST = /^[^\s,]+:\d{1,5}(,[^\s,]+:\d{1,5})*$/;

const trimmedList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean)
        .join(',')
    : value;
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { true: true, '1': true, false: false, '0': false };
const booleanFlag = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : typeof value === 'string' ? (BOOLEAN_WORDS[value] ?? value) : value;
const integer = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : typeof value === 'number' ? value : Number(value);
const lowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined;

/**
 * Kafka connection and provisioning settings, read from the environment. Apps compose it into their own
 * config class (or extend it); property names are the variable names so the boot error names them.
 */
export class KafkaConfig {
  /** Bootstrap servers, `host:port` separated by commas. */
  @Transform(trimmedList)
  @IsString()
  @Matches(BROKER_LIST, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID?: string;

  @Transform(booleanFlag)
  @IsOptional()
  @IsBoolean()
  KAFKA_SSL?: boolean;

  @Transform(lowerCase)
  @IsOptional()
  @IsIn(SASL_MECHANISMS)
  KAFKA_SASL_MECHANISM?: SaslMechanism;

  @ValidateIf((config: KafkaConfig) => config.KAFKA_SASL_MECHANISM !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'KAFKA_SASL_USERNAME is required when KAFKA_SASL_MECHANISM is set' })
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf((config: KafkaConfig) => config.KAFKA_SASL_MECHANISM !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'KAFKA_SASL_PASSWORD is required when KAFKA_SASL_MECHANISM is set' })
  KAFKA_SASL_PASSWORD?: string;

  /** Prepended to every topic name: a namespace per environment, or per test file. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may hold only letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX?: string;

  /** Replication factor of the topics Parley creates: 1 on the local node, 3 on a production cluster. */
  @Transform(integer)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(32)
  KAFKA_REPLICATION_FACTOR?: number;

  /** `min.insync.replicas` of the topics Parley creates: 1 locally, 2 with replication factor 3. */
  @Transform(integer)
  @IsOptional()
  @IsInt()
  @Min(1)
  @ValidateBy({
    name: 'notAboveReplicationFactor',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        typeof value !== 'number' || value <= ((args?.object as KafkaConfig).KAFKA_REPLICATION_FACTOR ?? 1),
      defaultMessage: () => 'KAFKA_MIN_INSYNC_REPLICAS must not exceed KAFKA_REPLICATION_FACTOR (default 1)',
    },
  })
  KAFKA_MIN_INSYNC_REPLICAS?: number;
}

/** Builds and validates a KafkaConfig from variables; the error names every bad variable. */
export function kafkaConfigFrom(variables: Readonly<Record<string, string | undefined>>): KafkaConfig {
  const config = plainToInstance(KafkaConfig, { ...variables });
  const problems = validateSync(config).flatMap((error) => Object.values(error.constraints ?? {}));
  if (problems.length > 0) throw new Error(`Invalid Kafka configuration: ${problems.join('; ')}`);
  return config;
}
