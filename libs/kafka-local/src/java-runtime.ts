import { spawnSync } from 'node:child_process';
import { KAFKA_ALTERNATIVES, LocalKafkaError } from './local-kafka-error';

export const MIN_JAVA_MAJOR = 17;

/** Reads the major version from `java -version` output: `"17.0.15"` → 17, `"1.8.0_392"` → 8. */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/** Fails with one line when the Java runtime Kafka needs is absent or too old. */
export function assertJavaAvailable(javaCommand: string): void {
  const result = spawnSync(javaCommand, ['-version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new LocalKafkaError(
      'JAVA_MISSING',
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the local Kafka but '${javaCommand}' could not be run: ` +
        `install a JDK ${MIN_JAVA_MAJOR}+ (e.g. apt-get install openjdk-17-jdk-headless), ${KAFKA_ALTERNATIVES}`,
    );
  }
  const major = parseJavaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < MIN_JAVA_MAJOR) {
    throw new LocalKafkaError(
      'JAVA_TOO_OLD',
      `Java ${MIN_JAVA_MAJOR}+ is needed to run the local Kafka, found ${major ?? 'an unknown version'}: ` +
        `install a JDK ${MIN_JAVA_MAJOR}+, ${KAFKA_ALTERNATIVES}`,
    );
  }
}
