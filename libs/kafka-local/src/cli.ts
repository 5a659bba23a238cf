import path from 'node:path';
import { parseKafkaCliArgs } from './cli-args';
import { assertJavaAvailable } from './java-runtime';
import { ensureKafkaClasspath, findProjectRoot, kafkaDistribution, kafkaVersion } from './kafka-distribution';
import { LocalKafka, startLocalKafka } from './local-kafka';

/** `npm run kafka -- --port <port> --data-dir <dir>`: the local Kafka in the foreground until Ctrl-C. */
async function main(): Promise<void> {
  const args = parseKafkaCliArgs(process.argv.slice(2));
  const projectRoot = findProjectRoot();
  if (args.resolveOnly) {
    const distribution = kafkaDistribution(projectRoot);
    assertJavaAvailable('java');
    const libs = await ensureKafkaClasspath(distribution);
    process.stdout.write(
      `Apache Kafka ${kafkaVersion(distribution)} resolved into ${path.relative(projectRoot, libs)}\n`,
    );
    return;
  }
  const state: { kafka?: LocalKafka; stopping: boolean } = { stopping: false };
  const shutdown = () => {
    if (state.stopping) return;
    state.stopping = true;
    process.stdout.write('stopping Kafka…\n');
    // While Kafka is still starting, main() stops it as soon as the start resolves.
    if (state.kafka) void state.kafka.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const kafka = await startLocalKafka({
    port: args.port,
    dataDir: path.resolve(projectRoot, args.dataDir),
    projectRoot,
  });
  state.kafka = kafka;
  process.stdout.write(
    `Apache Kafka ${kafka.version} ready at ${kafka.brokers} (data ${kafka.dataDir}, log ${kafka.logFile}); Ctrl-C stops it\n`,
  );
  if (state.stopping) await kafka.stop().then(() => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`kafka: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
