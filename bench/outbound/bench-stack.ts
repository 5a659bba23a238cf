import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppName, AppProcess, newLocalSecrets, planStack, waitUntilReady } from '@app/dev-stack';
import { freePort } from '@app/kafka-local';
import { BenchInfrastructure } from '../support/infrastructure';

const UNLIMITED = '1000000000/1000';

/** Meta's limits out of the way (issue #8: the ceiling is the sandbox's speed, not its rate limits). */
const SANDBOX_ENV: Record<string, string> = {
  META_SANDBOX_SEED_DEMO: 'false',
  META_SANDBOX_LIMIT_APP: UNLIMITED,
  META_SANDBOX_LIMIT_MESSENGER_SEND: UNLIMITED,
  META_SANDBOX_LIMIT_BUC_PER_USER: UNLIMITED,
  META_SANDBOX_DELIVERY_RECEIPT_MS: 'off',
  META_SANDBOX_READ_RECEIPT_MS: 'off',
};

/** Outbound's own pacing (35 sends/s per Page by default, to keep a Page's inbox alive) raised to its maximum. */
export const OUTBOUND_PACING_ENV: Record<string, string> = {
  OUTBOUND_ACCOUNT_PER_SECOND: '1000',
  OUTBOUND_MESSENGER_TEXT_PER_SECOND: '1000',
};

export interface BenchStack {
  url(app: AppName): string;
  env(app: AppName): Record<string, string>;
  /** Where the apps' logs are while the stack runs. */
  logDir: string;
  /** Stops the apps; keeps the logs when asked (a failed run). */
  stop(keepLogs: boolean): Promise<void>;
}

/** Every app as its own process, with the settings `npm start` gives them, on free ports. */
export async function startStack(infrastructure: BenchInfrastructure, appsDir: string): Promise<BenchStack> {
  const ports: Record<string, string> = {};
  for (const name of ['META_SANDBOX', 'GATEWAY', 'COMPLIANCE', 'TOKENS', 'OUTBOUND'])
    ports[`${name}_PORT`] = String(await freePort('127.0.0.1'));
  const plan = planStack(
    {
      ...ports,
      DATABASE_URL: infrastructure.databaseUrl,
      KAFKA_BROKERS: infrastructure.kafkaBrokers,
      LOG_LEVEL: 'warn',
    },
    os.tmpdir(),
    newLocalSecrets(),
  );
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'parley-bench-logs-'));
  const env = (name: AppName) => ({
    ...plan.apps.find((app) => app.name === name)!.env,
    ...(name === 'meta-sandbox' ? SANDBOX_ENV : name === 'outbound' ? OUTBOUND_PACING_ENV : {}),
  });
  const started: AppProcess[] = [];
  const stop = async (keepLogs: boolean) => {
    await Promise.allSettled([...started].reverse().map((app) => app.stop()));
    if (!keepLogs) rmSync(logDir, { recursive: true, force: true });
  };
  const crashed: string[] = [];
  try {
    // In the order npm start uses: producers create their topics before consumers start.
    for (const spec of plan.apps) {
      const app = new AppProcess({
        name: spec.name,
        entry: path.join(appsDir, spec.name, 'src', 'main.js'),
        env: env(spec.name),
        logFile: path.join(logDir, `${spec.name}.log`),
        onCrash: (name) => crashed.push(name),
      });
      started.push(app);
      app.start();
      await waitUntilReady(`http://127.0.0.1:${spec.port}`, () => app.running);
    }
  } catch (error) {
    await stop(true);
    throw new Error(`${String(error)}; logs in ${logDir}`, { cause: error });
  }
  return {
    url: (name) => `http://127.0.0.1:${plan.apps.find((app) => app.name === name)!.port}`,
    env,
    logDir,
    stop: async (keepLogs) => {
      if (crashed.length > 0) process.stderr.write(`crashed during the run: ${crashed.join(', ')}\n`);
      await stop(keepLogs || crashed.length > 0);
    },
  };
}
