import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';

/** Runs kcat with `inputFile` on stdin; resolves with its stdout once it exits 0. */
export function runKcat(args: readonly string[], inputFile?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error(`kcat could not run (${error.message}): apt-get install -y kcat`)));
    child.on('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`kcat exited ${code}: ${stderr.trim().split('\n').pop()}`)),
    );
    if (inputFile) createReadStream(inputFile).pipe(child.stdin);
    else child.stdin.end();
  });
}
