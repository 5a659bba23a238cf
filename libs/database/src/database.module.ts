import { DynamicModule, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ReadinessChecks } from '@app/observability';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppDatabaseOptions, dataSourceOptions } from './data-source-options';
import { migrateWithLock } from './migrator';

@Injectable()
class DatabaseReadiness implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessChecks,
  ) {}

  onModuleInit(): void {
    this.readiness.register('database', async () => {
      await this.dataSource.query('SELECT 1');
      return true;
    });
  }
}

/** The app's TypeORM connection, migrated under an advisory lock before anything else touches it. */
@Module({})
export class DatabaseModule {
  static forApp(options: AppDatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options),
          dataSourceFactory: async (settings) => {
            const dataSource = await new DataSource(settings!).initialize();
            const applied = await migrateWithLock(dataSource, options.schema);
            if (applied.length > 0)
              new Logger(DatabaseModule.name).log({ schema: options.schema, applied }, 'Migrations applied');
            return dataSource;
          },
        }),
      ],
      providers: [DatabaseReadiness],
      exports: [TypeOrmModule],
    };
  }
}
