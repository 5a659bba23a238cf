import { ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@app/kafka-local';
import { nodeHttpClients } from '../support/http-clients';
import { withInfrastructure } from '../support/infrastructure';
import { closedLoop, LoadClientFactory, openLoop } from '../support/load-generator';
import { LoadResult } from '../support/load-stats';
import { cpuBetween, CpuUse, describeCpuUse, parleyProcesses, readCpu } from '../support/process-cpu';
import { fetchMetrics, histogramMeanMs } from '../support/metrics';
import { startProcess, stop, waitForHttp } from '../support/processes';
import { benchDelivery } from './bench-delivery';

const SECRET = 'bench-app-secret';
/**
 * Long enough for Kafka's JVM to compile its produce and fetch paths: with 3 s, C2 was still compiling through
 * the measured run and Kafka's CPU per message was twice what a warm broker spends.
 */
const WARMUP_MS = 15_000;
const MEASURE_MS = 10_000;
const CONNECTIONS = 64;

export interface GatewayBenchOptions {
  /** The gateway's entry point (built), started as a process with the variables below. */
  gatewayEntry: string;
  /** Variables the gateway needs besides PORT, KAFKA_BROKERS and META_APP_SECRET (e.g. DATABASE_URL). */
  gatewayEnv: Record<string, string>;
  kafkaBrokers: string;
  /** Node options of the gateway process, e.g. --cpu-prof. */
  execArgv?: string[];
}

const classifyProcess = parleyProcesses((p) =>
  p.argv.some((arg) => arg.endsWith('bare-server.js')) ? 'bare server' : null,
);

interface Measured {
  max: LoadResult;
  half: LoadResult;
  /** CPU per delivery of each process during the max-rate run. */
  cpu: CpuUse;
}

/** Max rate (closed loop), then latency at half of it (open loop, as Meta's arrivals are). */
async function measure(label: string, url: string, offset: number): Promise<Measured> {
  const { origin, pathname } = new URL(url);
  const clients: LoadClientFactory = nodeHttpClients({
    origin,
    okStatus: 200,
    request: (n) => ({ path: pathname, ...benchDelivery(n, SECRET) }),
  });
  await closedLoop(clients, CONNECTIONS, WARMUP_MS, offset);
  const cpuBefore = readCpu(classifyProcess);
  const max = await closedLoop(clients, CONNECTIONS, MEASURE_MS, offset + 1_000_000);
  const cpu = cpuBetween(cpuBefore, readCpu(classifyProcess), max.ok);
  const half = await openLoop(clients, Math.max(1, Math.floor(max.perSecond / 2)), MEASURE_MS, offset + 2_000_000);
  process.stdout.write(`${label}: done\n`);
  return { max, half, cpu };
}

function row(label: string, result: LoadResult): string {
  return `${label.padEnd(34)} ${result.perSecond.toFixed(0).padStart(8)} /s   p50 ${result.p50Ms.toFixed(2).padStart(7)} ms   p99 ${result.p99Ms.toFixed(2).padStart(7)} ms   failed ${result.failed}`;
}

export async function benchGateway(options: GatewayBenchOptions): Promise<void> {
  const children: ChildProcess[] = [];
  try {
    const barePort = await freePort('127.0.0.1');
    const bare = await startProcess(path.join(__dirname, 'bare-server.js'), [String(barePort), SECRET], {});
    children.push(bare);
    const ceiling = await measure('bare http + HMAC + JSON.parse', `http://127.0.0.1:${barePort}/`, 0);
    await stop(bare);

    const gatewayPort = await freePort('127.0.0.1');
    const gatewayEnv = {
      ...options.gatewayEnv,
      PORT: String(gatewayPort),
      KAFKA_BROKERS: options.kafkaBrokers,
      META_APP_SECRET: SECRET,
      META_VERIFY_TOKEN: 'bench',
    };
    const gateway = fork(options.gatewayEntry, [], {
      env: { ...process.env, ...gatewayEnv },
      stdio: 'inherit',
      execArgv: options.execArgv ?? [],
    });
    children.push(gateway);
    await waitForHttp(`http://127.0.0.1:${gatewayPort}/webhooks/meta`);
    const url = `http://127.0.0.1:${gatewayPort}/webhooks/meta`;
    const gw = await measure('gateway → Kafka (acks=all)', url, 10_000_000);
    const publish = histogramMeanMs(
      await fetchMetrics(`http://127.0.0.1:${gatewayPort}`),
      'parley_gateway_publish_duration_seconds',
      { outcome: 'acked' },
    );

    const lines = [
      '',
      `Gateway benchmark: ${CONNECTIONS} connections, ${MEASURE_MS / 1000} s per run, one-event deliveries (~${benchDelivery(0, SECRET).body.length} B), ${os.cpus().length} cores`,
      row('(a) bare, max', ceiling.max),
      row('(a) bare, at half its max', ceiling.half),
      row('(b) gateway, max', gw.max),
      row('(b) gateway, at half its max', gw.half),
      `ratio b/a (max deliveries/s): ${(gw.max.perSecond / ceiling.max.perSecond).toFixed(2)}   (target ≥ 0.5)`,
      `gateway p99 at half its max: ${gw.half.p99Ms.toFixed(2)} ms   (target ≤ 25 ms)`,
      `gateway mean time from publish to Kafka's ack (all runs): ${publish.toFixed(2)} ms`,
      'CPU µs per delivery at max rate, by process:',
      `  (a) ${describeCpuUse(ceiling.cpu, 'µs')}`,
      `  (b) ${describeCpuUse(gw.cpu, 'µs')}`,
      `load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    await Promise.all(children.map(stop));
  }
}

/**
 * `npm run bench -- gateway`: embedded Kafka and PostgreSQL, then (a) the bare ceiling and (b) the built
 * gateway (dist/apps/gateway/src/main.js) under the same load; prints both and the ratio.
 */
export function runGatewayBench(execArgv: string[] = []): Promise<void> {
  return withInfrastructure(({ databaseUrl, kafkaBrokers }) =>
    benchGateway({
      gatewayEntry: path.resolve(__dirname, '../../apps/gateway/src/main.js'),
      gatewayEnv: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      kafkaBrokers,
      execArgv,
    }),
  );
}
