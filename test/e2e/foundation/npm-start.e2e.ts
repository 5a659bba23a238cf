import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_NAMES } from '../../../libs/dev-stack/src/stack-plan';
import { builtEntry, freePort, RunningProcess, startProcess } from '../support/processes';

jest.setTimeout(240_000);

/** `npm start` with nothing configured (its own PostgreSQL, Kafka and sandbox), on free ports and a temp data dir. */
describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'parley-stack-'));
  // Run as root, PostgreSQL runs as the `postgres` user, who must be able to reach its data directory.
  chmodSync(dataDir, 0o755);
  const ports: Record<string, number> = {};
  const env: Record<string, string> = { PARLEY_DATA_DIR: dataDir, HOME: process.env.HOME ?? '' };

  beforeAll(async () => {
    for (const app of APP_NAMES) {
      ports[app] = await freePort();
      env[`${app.toUpperCase().replace('-', '_')}_PORT`] = String(ports[app]);
    }
    env.EMBEDDED_POSTGRES_PORT = String(await freePort());
    env.EMBEDDED_KAFKA_PORT = String(await freePort());
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startStack(): Promise<RunningProcess> {
    const stack = startProcess(builtEntry('libs/dev-stack/src/main.js'), env);
    const deadline = Date.now() + 90_000;
    while (!stack.output().includes('Parley is running.')) {
      if (stack.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`npm start failed:\n${stack.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return stack;
  }

  async function stopStack(stack: RunningProcess): Promise<number | null> {
    stack.child.kill('SIGINT');
    return stack.exited;
  }

  it('brings every app to ready, stops cleanly on Ctrl-C, and starts again with its data', async () => {
    const first = await startStack();
    for (const app of APP_NAMES) {
      expect((await fetch(`http://127.0.0.1:${ports[app]}/health/ready`)).status).toBe(200);
      expect(first.output()).toContain(`http://127.0.0.1:${ports[app]}/docs`);
    }
    expect(first.output()).toMatch(/Kafka\s+Apache Kafka 4\.\d+\.\d+ at 127\.0\.0\.1:/);
    expect(await stopStack(first)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    await expect(fetch(`http://127.0.0.1:${ports.gateway}/health/live`)).rejects.toThrow();

    const second = await startStack();
    for (const app of APP_NAMES) {
      expect((await fetch(`http://127.0.0.1:${ports[app]}/health/ready`)).status).toBe(200);
    }
    expect(await stopStack(second)).toBe(0);
    // The sandbox found the demo world it seeded on the first start: the database outlived the restart.
    expect(readFileSync(path.join(dataDir, 'logs', 'meta-sandbox.log'), 'utf8')).toContain(
      'demo world already present',
    );
  });
});
