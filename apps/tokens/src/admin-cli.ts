import 'reflect-metadata';
import { dataSourceOptions, migrateWithLock } from '@app/database';
import { loadConfigOrExit } from '@app/runtime';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ADMIN_USAGE, parseAdminCommand } from './admin/admin-commands';
import { AdminRunner } from './admin/admin-runner';
import { TokensAdminModule } from './admin/tokens-admin.module';
import { TokensConfig } from './config/tokens.config';
import { TOKENS_ENTITIES } from './entities';
import { TOKENS_MIGRATIONS } from './migrations';

/** `node dist/apps/tokens/src/admin-cli.js clients create --tenant acme --name "Acme CRM" --scopes messages:send` */
async function main(): Promise<number> {
  let command;
  try {
    command = parseAdminCommand(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${ADMIN_USAGE}\n`);
    return 2;
  }
  const { app } = loadConfigOrExit('tokens-admin', { app: TokensConfig });
  const options = dataSourceOptions({
    url: app.DATABASE_URL,
    schema: 'tokens',
    entities: TOKENS_ENTITIES,
    migrations: TOKENS_MIGRATIONS,
    poolSize: 2,
  });

  @Module({
    imports: [
      // Migrated under the same advisory lock as the app, so the command works on a fresh database too.
      TypeOrmModule.forRootAsync({
        useFactory: () => options,
        dataSourceFactory: async (settings) => {
          const dataSource = await new DataSource(settings!).initialize();
          await migrateWithLock(dataSource, 'tokens');
          return dataSource;
        },
      }),
      TokensAdminModule.forRoot(app),
    ],
  })
  class AdminCliModule {}

  const context = await NestFactory.createApplicationContext(AdminCliModule, { logger: ['error'] });
  try {
    return await context.get(AdminRunner).run(command, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await context.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
