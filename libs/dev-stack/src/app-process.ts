import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';

export interface AppProcessOptions {
  name: string;
  entry: string;
  env: Record<string, string>;
  logFile: string;
  /** Told when the process ends without having been asked to. */
  onCrash: (name: string, code: number | null, signal: NodeJS.Signals | null) => void;
}

/** One app as its own Node process, its JSON log appended to a file. */
export class AppProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private readonly log: WriteStream;

  constructor(private readonly options: AppProcessOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  start(): void {
    this.stopping = false;
    const child = spawn(process.execPath, [this.options.entry], {
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(this.log, { end: false });
    child.stderr.pipe(this.log, { end: false });
    child.once('exit', (code, signal) => {
      this.child = null;
      if (!this.stopping) this.options.onCrash(this.options.name, code, signal);
    });
    this.child = child;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** SIGTERM (the app drains and closes its pools), SIGKILL after the grace period. */
  async stop(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (child) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}

/** Polls `/health/ready` until it answers 200. */
export async function waitUntilReady(url: string, isAlive: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`exited before it was ready (${url})`);
    const ok = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`not ready after ${timeoutMs / 1000} s (${url}/health/ready)`);
}
