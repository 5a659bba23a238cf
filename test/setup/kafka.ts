import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Jest loads global setup outside its module map, so the @app alias does not resolve here.
import { LocalKafka, startLocalKafka } from '../../libs/kafka-local/src';

interface TestKafkaState {
  kafka: LocalKafka;
  dataDir: string;
}

const STATE_KEY = Symbol.for('parley.test.kafka');
type GlobalWithKafka = typeof globalThis & { [STATE_KEY]?: TestKafkaState };

/**
 * Starts one Apache Kafka for the whole run (free port, data in a temp dir) unless TEST_KAFKA_BROKERS
 * already names one. Test files and the app processes they spawn read its address from TEST_KAFKA_BROKERS.
 */
export async function startTestKafka(): Promise<void> {
  if (process.env.TEST_KAFKA_BROKERS) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-test-kafka-'));
  const kafka = await startLocalKafka({ dataDir, port: 0, tuning: 'test', heapMb: 512 });
  (globalThis as GlobalWithKafka)[STATE_KEY] = { kafka, dataDir };
  process.env.TEST_KAFKA_BROKERS = kafka.brokers;
}

export async function stopTestKafka(): Promise<void> {
  const state = (globalThis as GlobalWithKafka)[STATE_KEY];
  if (!state) return;
  delete (globalThis as GlobalWithKafka)[STATE_KEY];
  delete process.env.TEST_KAFKA_BROKERS;
  await state.kafka.stop();
  rmSync(state.dataDir, { recursive: true, force: true });
}
