export interface KafkaCliArgs {
  readonly port: number;
  readonly dataDir: string;
  /** Only fetch the server's jars (into Maven's cache and tools/kafka/target/libs), then exit: for CI images. */
  readonly resolveOnly: boolean;
}

export const DEFAULT_KAFKA_PORT = 9092;
export const DEFAULT_KAFKA_DATA_DIR = '.data/kafka';

/** `--port <n>`, `--data-dir <dir>` (also `--port=<n>`) and `--resolve-only`; anything else is a usage error. */
export function parseKafkaCliArgs(argv: readonly string[]): KafkaCliArgs {
  const values = new Map<string, string>();
  let resolveOnly = false;
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] === '--resolve-only') {
      resolveOnly = true;
      continue;
    }
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    if (flag !== '--port' && flag !== '--data-dir') throw new Error(`unknown argument ${argv[index]}`);
    const value = inline ?? argv[++index];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    values.set(flag, value);
  }
  const port = Number(values.get('--port') ?? DEFAULT_KAFKA_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got ${values.get('--port')}`);
  }
  return { port, dataDir: values.get('--data-dir') ?? DEFAULT_KAFKA_DATA_DIR, resolveOnly };
}
