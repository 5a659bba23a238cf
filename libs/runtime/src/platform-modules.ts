import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { BaseAppConfig } from '@app/config';
import { TopicName } from '@app/contracts';
import { DatabaseModule, EntityClasses, MigrationClasses } from '@app/database';
import { KafkaConfig, KafkaHealth, KafkaModule } from '@app/kafka';
import { createLogger, ObservabilityModule, ReadinessChecks } from '@app/observability';

@Injectable()
class KafkaReadiness implements OnModuleInit {
  constructor(
    private readonly kafka: KafkaHealth,
    private readonly readiness: ReadinessChecks,
  ) {}

  onModuleInit(): void {
    this.readiness.register('kafka', () => this.kafka.isKafkaReady());
  }
}

@Module({ providers: [KafkaReadiness] })
class KafkaReadinessModule {}

export interface PlatformModulesOptions {
  /** The deployable's name: log `service`, metrics label, PostgreSQL schema, Kafka client id. */
  service: string;
  app: BaseAppConfig;
  /** Absent for an app that speaks no Kafka (the Meta sandbox). */
  kafka?: KafkaConfig;
  entities: EntityClasses;
  migrations: MigrationClasses;
  /** Topics this app owns and creates at startup. */
  provision?: readonly TopicName[];
}

/** What every deployable imports: logs, metrics and health; its own migrated schema; Kafka. */
export function platformModules(options: PlatformModulesOptions): DynamicModule[] {
  const schema = options.service.replace(/-/g, '_');
  const modules = [
    ObservabilityModule.forRoot({ service: options.service, logLevel: options.app.LOG_LEVEL }),
    DatabaseModule.forApp({
      url: options.app.DATABASE_URL,
      schema,
      entities: options.entities,
      migrations: options.migrations,
      poolSize: options.app.DATABASE_POOL_SIZE,
      preparedStatements: options.app.DATABASE_PREPARED_STATEMENTS,
    }),
  ];
  if (!options.kafka) return modules;
  return [
    ...modules,
    {
      ...KafkaModule.forRoot({
        config: options.kafka,
        source: `/parley/${options.service}`,
        clientId: `parley-${options.service}`,
        provision: options.provision ?? [],
        logger: createLogger({ service: options.service, level: options.app.LOG_LEVEL }).child({ component: 'kafka' }),
      }),
      // Feature modules publish and consume without importing Kafka themselves.
      global: true,
    },
    { module: KafkaReadinessModule },
  ];
}
