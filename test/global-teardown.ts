import { stopTestKafka } from './setup/kafka';
import { stopTestPostgres } from './setup/postgres-state';

export default async function globalTeardown(): Promise<void> {
  await Promise.allSettled([stopTestKafka(), stopTestPostgres()]);
}
