import pg from 'pg';
import { DataSourceOptions, MigrationInterface } from 'typeorm';
import { PreparingClient } from './prepared-statements';

export type EntityClasses = ReadonlyArray<new () => object>;
export type MigrationClasses = ReadonlyArray<new () => MigrationInterface>;

export interface AppDatabaseOptions {
  url: string;
  /** The app's own PostgreSQL schema; its migrations table lives there too. */
  schema: string;
  entities: EntityClasses;
  migrations: MigrationClasses;
  poolSize: number;
  /**
   * Run the statements declared with `prepared` as named prepared statements (default true). Off only behind a
   * pooler that hands each transaction another server connection, e.g. PgBouncer in transaction mode before 1.21.
   */
  preparedStatements?: boolean;
}

/** TypeORM settings every app shares: its own schema, committed migrations, never `synchronize`. */
export function dataSourceOptions(options: AppDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    // Handing TypeORM the driver spares its dynamic require, which module sandboxes (Jest) cannot resolve.
    driver: pg,
    url: options.url,
    schema: options.schema,
    entities: [...options.entities],
    migrations: [...options.migrations],
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: {
      max: options.poolSize,
      connectionTimeoutMillis: 5000,
      application_name: `parley-${options.schema}`,
      ...(options.preparedStatements !== false && { Client: PreparingClient }),
    },
  };
}
