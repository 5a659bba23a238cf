import { startTestKafka } from './setup/kafka';
import { startTestPostgres } from './setup/postgres';

/** Provisions PostgreSQL and Kafka once per run; their addresses reach every test file through env vars. */
export default async function globalSetup(): Promise<void> {
  await Promise.all([startTestPostgres(), startTestKafka()]);
}
