import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

/** The Kafka of this run, started by the global setup (or named by TEST_KAFKA_BROKERS). */
export function testBrokers(): string {
  const brokers = process.env.TEST_KAFKA_BROKERS;
  if (!brokers) throw new Error('TEST_KAFKA_BROKERS is not set: run the integration tests through jest (global setup)');
  return brokers;
}

/** A topic namespace of one test file, so files never see each other's records. */
export function uniquePrefix(label: string): string {
  return `it-${label}-${randomBytes(3).toString('hex')}.`;
}

export function rawKafka(brokers: string = testBrokers(), clientId = 'parley-it'): Kafka {
  return new Kafka({ brokers: [brokers], clientId, logLevel: logLevel.NOTHING, retry: { retries: 5 } });
}

export async function waitFor(condition: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
