import { ChildProcess, fork } from 'node:child_process';

/** Forks a built script that says 'ready' over IPC once it listens. */
export function startProcess(entry: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(entry, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready within 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    child.on('message', (message) => {
      if (message === 'ready') {
        clearTimeout(timer);
        resolve(child);
      }
    });
  });
}

export async function waitForHttp(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/** SIGTERM, then SIGKILL after 10 s. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
