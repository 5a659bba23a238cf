import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { assertJavaAvailable } from './java-runtime';
import { ensureKafkaClasspath, findProjectRoot, kafkaDistribution, kafkaVersion } from './kafka-distribution';
import { LocalKafkaError } from './local-kafka-error';
import { canConnect, freePort, isPortBusy } from './ports';
import {
  clusterIdFromMetaProperties,
  KafkaTuning,
  newClusterId,
  renderProperties,
  serverProperties,
} from './server-properties';

export interface LocalKafkaOptions {
  /** Everything of this node lives here: KRaft storage, the generated server.properties, Kafka's log. */
  readonly dataDir: string;
  /** PLAINTEXT port on 127.0.0.1; 0 picks a free one. Default 9092. */
  readonly port?: number;
  /** `test` removes the initial rebalance delay; `dev` keeps Kafka's default. */
  readonly tuning?: KafkaTuning;
  readonly heapMb?: number;
  readonly startTimeoutMs?: number;
  readonly stopTimeoutMs?: number;
  readonly javaCommand?: string;
  readonly mvnCommand?: string;
  /** The checkout holding tools/kafka; found from this file's location when omitted. */
  readonly projectRoot?: string;
  /** Extra broker settings, e.g. for a test that needs a particular retention. */
  readonly overrides?: Readonly<Record<string, string | number | boolean>>;
}

export interface LocalKafka {
  /** Bootstrap address for clients, `127.0.0.1:<port>`. */
  readonly brokers: string;
  readonly port: number;
  readonly version: string;
  readonly clusterId: string;
  readonly dataDir: string;
  readonly logFile: string;
  readonly pid: number;
  /** SIGTERM, wait for Kafka's clean shutdown, then SIGKILL if it takes longer than `stopTimeoutMs`. */
  stop(): Promise<void>;
  /** SIGKILL with no shutdown at all, as a crash would. */
  kill(): Promise<void>;
}

const HOST = '127.0.0.1';
const PID_FILE = 'kafka.pid';

/** Starts a real single-node Apache Kafka (KRaft) as a child process and resolves once clients can use it. */
export async function startLocalKafka(options: LocalKafkaOptions): Promise<LocalKafka> {
  const dataDir = path.resolve(options.dataDir);
  const layout = prepareDataDir(dataDir);
  const javaCommand = options.javaCommand ?? 'java';
  assertJavaAvailable(javaCommand);
  assertNotAlreadyRunning(layout.pidFile, dataDir);
  const port = await choosePort(options.port ?? 9092);
  const controllerPort = await freePort(HOST);

  const distribution = kafkaDistribution(options.projectRoot ?? findProjectRoot());
  const libsDir = await ensureKafkaClasspath(distribution, options.mvnCommand);
  const settings = serverProperties({
    host: HOST,
    port,
    controllerPort,
    logDirs: layout.storageDir,
    tuning: options.tuning ?? 'dev',
    overrides: options.overrides,
  });
  writeFileSync(layout.propertiesFile, renderProperties(settings));

  const jvm = {
    javaCommand,
    classpath: path.join(libsDir, '*'),
    systemProperties: [
      `-Dkafka.logs.dir=${layout.logsDir}`,
      `-Dlog4j2.configurationFile=${distribution.log4jConfigFile}`,
    ],
    consoleFile: layout.consoleFile,
  };
  const clusterId = await formatStorageOnce(jvm, layout);

  const heapMb = options.heapMb ?? 512;
  const child = spawnJava(jvm, [
    `-Xms${Math.min(256, heapMb)}m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    'kafka.Kafka',
    layout.propertiesFile,
  ]);
  const exited = exitOf(child);
  writeFileSync(layout.pidFile, `${child.pid}\n`);

  const handle = new RunningKafka(child, exited, layout.pidFile, options.stopTimeoutMs ?? 20_000, {
    brokers: `${HOST}:${port}`,
    port,
    version: kafkaVersion(distribution),
    clusterId,
    dataDir,
    logFile: layout.logFile,
  });
  try {
    await waitUntilReady(handle, exited, layout, options.startTimeoutMs ?? 90_000);
  } catch (error) {
    await handle.kill();
    throw error;
  }
  return handle;
}

interface DataDirLayout {
  readonly storageDir: string;
  readonly logsDir: string;
  readonly logFile: string;
  readonly consoleFile: string;
  readonly propertiesFile: string;
  readonly pidFile: string;
}

function prepareDataDir(dataDir: string): DataDirLayout {
  const layout: DataDirLayout = {
    storageDir: path.join(dataDir, 'kraft'),
    logsDir: path.join(dataDir, 'logs'),
    logFile: path.join(dataDir, 'logs', 'server.log'),
    consoleFile: path.join(dataDir, 'logs', 'console.log'),
    propertiesFile: path.join(dataDir, 'server.properties'),
    pidFile: path.join(dataDir, PID_FILE),
  };
  try {
    mkdirSync(layout.storageDir, { recursive: true });
    mkdirSync(layout.logsDir, { recursive: true });
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new LocalKafkaError(
      'DATA_DIR_UNWRITABLE',
      `Kafka data dir ${dataDir} is not writable (${code}): choose another with --data-dir, or fix its permissions`,
    );
  }
  return layout;
}

function assertNotAlreadyRunning(pidFile: string, dataDir: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isKafkaProcess(pid)) {
    throw new LocalKafkaError(
      'ALREADY_RUNNING',
      `A Kafka (pid ${pid}) is already running on ${dataDir}: stop it (kill ${pid}) or use another --data-dir`,
    );
  }
  rmSync(pidFile, { force: true });
}

function isKafkaProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka');
  } catch {
    return true;
  }
}

async function choosePort(port: number): Promise<number> {
  if (port === 0) return freePort(HOST);
  if (await isPortBusy(port, HOST)) {
    throw new LocalKafkaError(
      'PORT_BUSY',
      `Port ${port} on ${HOST} is already in use: free it, choose another with --port (0 picks a free one), ` +
        `or set KAFKA_BROKERS to use the Kafka already listening there`,
    );
  }
  return port;
}

interface JvmLaunch {
  readonly javaCommand: string;
  readonly classpath: string;
  readonly systemProperties: readonly string[];
  readonly consoleFile: string;
}

function spawnJava(jvm: JvmLaunch, args: readonly string[]): ChildProcess {
  const console = openSync(jvm.consoleFile, 'a');
  try {
    return spawn(jvm.javaCommand, [...jvm.systemProperties, '-cp', jvm.classpath, ...args], {
      stdio: ['ignore', console, console],
    });
  } finally {
    closeSync(console);
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
}

/** Formats KRaft storage on first use; afterwards the cluster id recorded there is reused with the data. */
async function formatStorageOnce(jvm: JvmLaunch, layout: DataDirLayout): Promise<string> {
  const metaFile = path.join(layout.storageDir, 'meta.properties');
  if (existsSync(metaFile)) {
    const existing = clusterIdFromMetaProperties(readFileSync(metaFile, 'utf8'));
    if (existing) return existing;
  }
  const clusterId = newClusterId();
  const child = spawnJava(jvm, ['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', layout.propertiesFile]);
  const code = await exitOf(child);
  if (code !== 0) {
    throw new LocalKafkaError(
      'FORMAT_FAILED',
      `Formatting Kafka storage in ${layout.storageDir} failed (exit ${code}); last lines of ${layout.consoleFile}:\n` +
        tail(layout.consoleFile, 10),
    );
  }
  return clusterId;
}

async function waitUntilReady(
  kafka: LocalKafka,
  exited: Promise<number | null>,
  layout: DataDirLayout,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new LocalKafkaError(
        'EXITED_EARLY',
        `Kafka exited during startup (exit ${exitCode}); last lines of its log:\n${logTail(layout)}`,
      );
    }
    if ((await canConnect(kafka.port, HOST)) && (await clusterAnswers(kafka.brokers))) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new LocalKafkaError(
    'START_TIMEOUT',
    `Kafka did not become ready on ${kafka.brokers} within ${timeoutMs} ms; last lines of its log:\n${logTail(layout)}`,
  );
}

/** The broker opens its port a moment before it serves metadata; an admin round trip proves it does. */
async function clusterAnswers(brokers: string): Promise<boolean> {
  const admin = new Kafka({
    brokers: [brokers],
    clientId: 'parley-kafka-local',
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function logTail(layout: DataDirLayout): string {
  return [tail(layout.logFile, 20), tail(layout.consoleFile, 10)].filter(Boolean).join('\n');
}

/** The last lines of a log, Java stack frames left out so the cause itself shows. */
function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line))
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

class RunningKafka implements LocalKafka {
  readonly brokers: string;
  readonly port: number;
  readonly version: string;
  readonly clusterId: string;
  readonly dataDir: string;
  readonly logFile: string;

  constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<number | null>,
    private readonly pidFile: string,
    private readonly stopTimeoutMs: number,
    facts: Pick<LocalKafka, 'brokers' | 'port' | 'version' | 'clusterId' | 'dataDir' | 'logFile'>,
  ) {
    ({
      brokers: this.brokers,
      port: this.port,
      version: this.version,
      clusterId: this.clusterId,
      dataDir: this.dataDir,
      logFile: this.logFile,
    } = facts);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  async stop(): Promise<void> {
    if (this.hasExited()) return this.cleanUp();
    this.child.kill('SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.stopTimeoutMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.cleanUp();
  }

  async kill(): Promise<void> {
    if (!this.hasExited()) this.child.kill('SIGKILL');
    await this.exited;
    this.cleanUp();
  }

  private hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private cleanUp(): void {
    rmSync(this.pidFile, { force: true });
  }
}
