import { readFileSync } from 'node:fs';
import { DEFAULT_SANDBOX_URL, parseCli, toRequest, USAGE } from './cli/cli-commands';

/** The sandbox CLI: makes a person act, or inspects what happened, through a running sandbox's HTTP API. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  out: (line: string) => void,
): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (e) {
    out(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.options.help || !parsed.command) {
    out(USAGE);
    return parsed.options.help ? 0 : 2;
  }
  let request;
  try {
    request = toRequest(parsed.command, parsed.options, (path) => readFileSync(path, 'utf8'));
  } catch (e) {
    out(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const base = parsed.options.sandbox ?? env.META_SANDBOX_URL ?? DEFAULT_SANDBOX_URL;
  try {
    const response = await fetch(new URL(request.path, base), {
      method: request.method,
      headers: request.body ? { 'content-type': 'application/json' } : {},
      body: request.body ? JSON.stringify(request.body) : undefined,
    });
    const text = await response.text();
    out(formatBody(text));
    return response.ok ? 0 : 1;
  } catch (e) {
    out(`cannot reach the sandbox at ${base}: ${(e as Error).message}`);
    return 1;
  }
}

function formatBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

if (require.main === module) {
  // The CLI is an entry point: the environment is read here, once.
  runCli(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
