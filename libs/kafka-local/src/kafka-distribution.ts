import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KAFKA_ALTERNATIVES, LocalKafkaError } from './local-kafka-error';

const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';
const STAMP_FILE = '.pom-sha256';
const RESOLVE_TIMEOUT_MS = 15 * 60_000;
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The committed Maven descriptor that pins the Kafka server, and the log4j2 config the server runs with. */
export interface KafkaDistribution {
  readonly toolsDir: string;
  readonly pomFile: string;
  readonly log4jConfigFile: string;
  readonly libsDir: string;
}

/** Walks up from `startDir` to the checkout that holds `tools/kafka/pom.xml` (works from sources and from dist/). */
export function findProjectRoot(startDir: string = __dirname): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (existsSync(path.join(dir, 'tools', 'kafka', 'pom.xml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`tools/kafka/pom.xml not found above ${startDir}`);
    dir = parent;
  }
}

export function kafkaDistribution(projectRoot: string = findProjectRoot()): KafkaDistribution {
  const toolsDir = path.join(projectRoot, 'tools', 'kafka');
  return {
    toolsDir,
    pomFile: path.join(toolsDir, 'pom.xml'),
    log4jConfigFile: path.join(toolsDir, 'log4j2.properties'),
    libsDir: path.join(toolsDir, 'target', 'libs'),
  };
}

/** The Kafka version the descriptor pins, e.g. `4.4.0`. */
export function pinnedKafkaVersion(pomXml: string): string {
  const match = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pomXml);
  if (!match) throw new Error('tools/kafka/pom.xml does not define <kafka.version>');
  return match[1];
}

export function kafkaVersion(distribution: KafkaDistribution = kafkaDistribution()): string {
  return pinnedKafkaVersion(readFileSync(distribution.pomFile, 'utf8'));
}

/**
 * Makes sure the server's jars sit in `tools/kafka/target/libs`, resolving them through Maven once per
 * descriptor change. Maven's local repository is the cache, so later resolutions work offline.
 */
export async function ensureKafkaClasspath(
  distribution: KafkaDistribution = kafkaDistribution(),
  mvnCommand = 'mvn',
): Promise<string> {
  const pomHash = createHash('sha256').update(readFileSync(distribution.pomFile)).digest('hex');
  const stampFile = path.join(distribution.libsDir, STAMP_FILE);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === pomHash) return distribution.libsDir;

  assertMavenAvailable(mvnCommand);
  const staging = `${distribution.libsDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(staging), { recursive: true });
  await runMaven(mvnCommand, [
    '-B',
    '-q',
    '-f',
    distribution.pomFile,
    `${DEPENDENCY_PLUGIN}:copy-dependencies`,
    '-DincludeScope=runtime',
    `-DoutputDirectory=${staging}`,
  ]);
  writeFileSync(path.join(staging, STAMP_FILE), `${pomHash}\n`);
  rmSync(distribution.libsDir, { recursive: true, force: true });
  try {
    renameSync(staging, distribution.libsDir);
  } catch (error) {
    // Another process resolved the same descriptor at the same moment; its copy is as good as ours.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(stampFile)) throw error;
  }
  return distribution.libsDir;
}

function assertMavenAvailable(mvnCommand: string): void {
  const result = spawnSync(mvnCommand, ['-v'], { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) {
    throw new LocalKafkaError(
      'MAVEN_MISSING',
      `Maven is needed once to fetch the local Kafka's jars but '${mvnCommand}' could not be run: ` +
        `install Maven 3.6+ (e.g. apt-get install maven), ${KAFKA_ALTERNATIVES}`,
    );
  }
}

function runMaven(mvnCommand: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mvnCommand, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: RESOLVE_TIMEOUT_MS });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(resolveFailed(error.message)));
    child.on('close', (status, signal) => {
      if (status === 0) return resolve();
      reject(resolveFailed(firstMavenError(output) ?? `mvn exited with ${signal ?? status}`));
    });
  });
}

function resolveFailed(reason: string): LocalKafkaError {
  return new LocalKafkaError(
    'RESOLVE_FAILED',
    `Could not resolve the Kafka server from Maven Central (${reason}): check network access to ` +
      `repo.maven.apache.org or a Maven mirror in ~/.m2/settings.xml, ${KAFKA_ALTERNATIVES}`,
  );
}

/** The first `[ERROR]` line Maven printed, stripped of colour codes. */
export function firstMavenError(output: string): string | undefined {
  const plain = output.replace(ANSI_COLOUR, '');
  const line = plain.split('\n').find((candidate) => candidate.startsWith('[ERROR]'));
  return line?.replace('[ERROR]', '').trim() || undefined;
}
