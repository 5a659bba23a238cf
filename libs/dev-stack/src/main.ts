import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDatabase, RunningPostgres, startEmbeddedPostgres } from '@app/database';
import { findProjectRoot, LocalKafka, startLocalKafka } from '@app/kafka-local';
import { AppProcess, waitUntilReady } from './app-process';
import { LocalSecrets, newLocalSecrets, planStack } from './stack-plan';
import { formatSummary } from './summary';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Secrets the local stack needs (token encryption key, internal API key), made once and kept with the data. */
function localSecrets(dataRoot: string): LocalSecrets {
  const file = path.join(dataRoot, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets = newLocalSecrets();
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function main(): Promise<void> {
  const root = findProjectRoot(__dirname);
  const dataRoot = path.resolve(root, process.env.PARLEY_DATA_DIR ?? '.data');
  const logDir = path.join(dataRoot, 'logs');
  mkdirSync(logDir, { recursive: true });
  const plan = planStack(process.env, dataRoot, localSecrets(dataRoot));

  let postgres: RunningPostgres | null = null;
  let kafka: LocalKafka | null = null;
  const apps: AppProcess[] = [];
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping Parley…');
    await Promise.allSettled([...apps].reverse().map((app) => app.stop()));
    await kafka?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    say('Stopped.');
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    if (plan.startPostgres) {
      say(`Starting PostgreSQL (embedded) on 127.0.0.1:${plan.startPostgres.port}…`);
      postgres = await startEmbeddedPostgres({
        ...plan.startPostgres,
        onLog: () => undefined,
      });
      await ensureDatabase(postgres.url, 'parley');
    }
    if (plan.startKafka) {
      say(`Starting Apache Kafka on 127.0.0.1:${plan.startKafka.port}…`);
      kafka = await startLocalKafka({ ...plan.startKafka, tuning: 'dev' });
    }
    for (const spec of plan.apps) {
      const app = new AppProcess({
        name: spec.name,
        entry: path.join(root, 'dist', 'apps', spec.name, 'src', 'main.js'),
        env: spec.env,
        logFile: path.join(logDir, `${spec.name}.log`),
        onCrash: (name, exitCode, signal) => {
          if (stopping) return;
          say(
            `${name} exited unexpectedly (${signal ?? `code ${exitCode}`}); see ${path.join(logDir, `${name}.log`)}. Stopping.`,
          );
          void stopAll(1);
        },
      });
      apps.push(app);
      say(`Starting ${spec.name} on 127.0.0.1:${spec.port}…`);
      app.start();
      await waitUntilReady(`http://127.0.0.1:${spec.port}`, () => app.running).catch((error: Error) => {
        throw new Error(`${spec.name} ${error.message}; see ${path.join(logDir, `${spec.name}.log`)}`);
      });
    }
  } catch (error) {
    say(`Parley could not start: ${(error as Error).message}`);
    await stopAll(1);
    return;
  }

  const sandbox = plan.apps.find((app) => app.name === 'meta-sandbox');
  say(
    formatSummary({
      apps: plan.apps,
      postgres: postgres ? `embedded PostgreSQL at 127.0.0.1:${plan.startPostgres!.port}` : 'DATABASE_URL',
      kafka: kafka
        ? `Apache Kafka ${kafka.version} at ${kafka.brokers}`
        : `KAFKA_BROKERS (${process.env.KAFKA_BROKERS})`,
      meta: sandbox ? `sandbox at http://127.0.0.1:${sandbox.port} (demo app seeded)` : 'the Meta app in META_APP_ID',
      dataDir: path.relative(process.cwd(), dataRoot) || '.',
      logDir: path.relative(process.cwd(), logDir),
    }),
  );
}

void main();
