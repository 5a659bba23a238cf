import { resolveAppAliases } from './setup/app-alias';
import { startTestKafka } from './setup/kafka';

/** Provisions PostgreSQL and Kafka once per run; their addresses reach every test file through env vars. */
export default async function globalSetup(): Promise<void> {
  resolveAppAliases();
  // Loaded only now: migrating the template imports every app, whose `@app/*` imports need the aliases.
  const { startTestPostgres } = await import('./setup/postgres');
  await Promise.all([startTestPostgres(), startTestKafka()]);
}
