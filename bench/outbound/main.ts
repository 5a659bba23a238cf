import os from 'node:os';
import path from 'node:path';
import { closedLoop } from '../support/load-generator';
import { cpuBetween, CpuReading, describeCpuUse, parleyProcesses, readCpu } from '../support/process-cpu';
import { withInfrastructure } from '../support/infrastructure';
import { completionRate, LoadResult, meanIntervalMs } from '../support/load-stats';
import { AppMetrics, meanRequestMs, readAppMetrics } from './app-metrics';
import { pageIdsOnDistinctPartitions } from './bench-pages';
import { BenchStack, OUTBOUND_PACING_ENV, startStack } from './bench-stack';
import { crmSends, directSends, GRAPH_VERSION } from './bench-messages';
import { BenchWorld, pauseWebhooks, prepareWorld } from './bench-world';
import { StatusWatcher } from './status-watcher';

const PAGES = 8;
const PEOPLE = 4;
const CONNECTIONS = 32;
/**
 * Long enough for Kafka's JVM to compile its produce and fetch paths: with 3 s, C2 was still compiling through
 * the measured run and Kafka's CPU per message was twice what a warm broker spends.
 */
const WARMUP_MS = 15_000;
const MEASURE_MS = 10_000;
const SETTLE_TIMEOUT_MS = 180_000;

interface OutboundRun {
  accept: LoadResult;
  sent: number;
  failed: number;
  unsettled: number;
  endToEndPerSecond: number;
  /** Mean time between two sends of one Page, averaged over the Pages. */
  pageIntervalMs: number;
}

/** Closed-loop POSTs for the run's duration, then waits until outbound has sent every accepted message. */
async function outboundRun(
  outbound: string,
  world: BenchWorld,
  watcher: StatusWatcher,
  durationMs: number,
  from: number,
): Promise<OutboundRun> {
  const accepted: string[] = [];
  const startedAt = Date.now();
  const accept = await closedLoop(crmSends(outbound, world, accepted), CONNECTIONS, durationMs, from);
  const settled = await watcher.settle(accepted, SETTLE_TIMEOUT_MS);
  const sent = settled.filter((s) => s.status === 'sent');
  const sentAt = sent.map((s) => s.at);
  const pages = [...new Set(sent.map((s) => s.accountId))];
  const intervals = pages.map((page) => meanIntervalMs(sent.filter((s) => s.accountId === page).map((s) => s.at)));
  return {
    accept,
    sent: sentAt.length,
    failed: settled.length - sentAt.length,
    unsettled: accepted.length - settled.length,
    endToEndPerSecond: completionRate(startedAt, sentAt),
    pageIntervalMs: intervals.reduce((sum, ms) => sum + ms, 0) / intervals.length,
  };
}

interface Measured<T> {
  result: T;
  before: AppMetrics;
  after: AppMetrics;
  cpuBefore: CpuReading;
  cpuAfter: CpuReading;
}

const classifyProcess = parleyProcesses();

/** A measured run, with every app's metrics and every process's CPU time read just before and after it. */
async function withMetrics<T>(stack: BenchStack, run: () => Promise<T>): Promise<Measured<T>> {
  const before = await readAppMetrics(stack.url);
  const cpuBefore = readCpu(classifyProcess);
  const result = await run();
  const cpuAfter = readCpu(classifyProcess);
  return { result, before, after: await readAppMetrics(stack.url), cpuBefore, cpuAfter };
}

function cpuPerMessage(measured: Measured<unknown>, messages: number): string {
  return describeCpuUse(cpuBetween(measured.cpuBefore, measured.cpuAfter, messages), 'ms');
}

function insideApps({ before, after }: Measured<unknown>) {
  return {
    accepting: meanRequestMs(before, after, 'outbound', { method: 'POST', route: '/v1/messages' }),
    deciding: meanRequestMs(before, after, 'compliance', { method: 'POST', route: '/internal/v1/decisions' }),
    sending: meanRequestMs(before, after, 'meta-sandbox', { method: 'POST', route: `/${GRAPH_VERSION}/:id/messages` }),
  };
}

function report(world: BenchWorld, a: Measured<LoadResult>, b: Measured<OutboundRun>): string {
  const ceiling = a.result;
  const run = b.result;
  const [inA, inB] = [insideApps(a), insideApps(b)];
  const ms = (value: number) => `${value.toFixed(2).padStart(7)} ms`;
  return [
    '',
    `Outbound benchmark: ${CONNECTIONS} connections (undici), ${MEASURE_MS / 1000} s runs, text messages to ` +
      `${world.conversations.length} conversations on ${PAGES} Pages (one per request partition), ${os.cpus().length} cores`,
    `Sandbox rate limits raised out of the way; outbound pacing per Page raised to ${OUTBOUND_PACING_ENV.OUTBOUND_ACCOUNT_PER_SECOND}/s; ` +
      'webhook deliveries (echoes) held during the runs',
    `(a) Send API direct         ${ceiling.perSecond.toFixed(0).padStart(6)} messages/s   p50 ${ms(ceiling.p50Ms)}   p99 ${ms(ceiling.p99Ms)}   failed ${ceiling.failed}`,
    `(b) POST /v1/messages → 202 ${run.accept.perSecond.toFixed(0).padStart(6)} accepts/s    p50 ${ms(run.accept.p50Ms)}   p99 ${ms(run.accept.p99Ms)}   failed ${run.accept.failed}`,
    `(b) end to end (sent)       ${run.endToEndPerSecond.toFixed(0).padStart(6)} messages/s   sent ${run.sent}, failed ${run.failed}, not settled ${run.unsettled}`,
    `(b) each Page sent a message every ${run.pageIntervalMs.toFixed(0)} ms; one sandbox answer took ${inB.sending.toFixed(0)} ms`,
    `mean time inside the apps: (a) sandbox Send API ${inA.sending.toFixed(1)} ms; (b) outbound POST /v1/messages ` +
      `${inB.accepting.toFixed(1)} ms, compliance decision ${inB.deciding.toFixed(1)} ms, sandbox Send API ${inB.sending.toFixed(1)} ms`,
    'CPU ms per message, by process:',
    `  (a) ${cpuPerMessage(a, ceiling.ok)}`,
    `  (b) ${cpuPerMessage(b, run.sent)}`,
    `ratio b/a (messages/s end to end): ${(run.endToEndPerSecond / ceiling.perSecond).toFixed(2)}   (target ≥ 0.5)`,
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    '',
  ].join('\n');
}

async function measure(stack: BenchStack, watcher: StatusWatcher): Promise<void> {
  const urls = {
    sandbox: stack.url('meta-sandbox'),
    gateway: stack.url('gateway'),
    tokens: stack.url('tokens'),
    compliance: stack.url('compliance'),
  };
  const world = await prepareWorld(urls, {
    pageIds: pageIdsOnDistinctPartitions(PAGES),
    people: PEOPLE,
    adminCli: path.resolve(__dirname, '../../apps/tokens/src/admin-cli.js'),
    tokensEnv: stack.env('tokens'),
  });
  await pauseWebhooks(urls);
  process.stdout.write(`${world.conversations.length} conversations on ${PAGES} Pages open; measuring…\n`);

  const direct = directSends(urls.sandbox, world);
  await closedLoop(direct, CONNECTIONS, WARMUP_MS, 0);
  const a = await withMetrics(stack, () => closedLoop(direct, CONNECTIONS, MEASURE_MS, 1_000_000));
  process.stdout.write('(a) direct Send API calls: done\n');

  const outbound = stack.url('outbound');
  await outboundRun(outbound, world, watcher, WARMUP_MS, 0);
  const b = await withMetrics(stack, () => outboundRun(outbound, world, watcher, MEASURE_MS, 1_000_000));
  process.stdout.write('(b) through outbound: done\n');
  process.stdout.write(report(world, a, b));
}

/**
 * `npm run bench -- outbound`: embedded PostgreSQL and Kafka, every built app as a process, Pages onboarded
 * and conversations opened for real; then (a) the Send API called directly and (b) REST → outbound → Kafka →
 * worker → sandbox, with the same message bodies and concurrency; prints both and the ratio.
 */
export function runOutboundBench(): Promise<void> {
  return withInfrastructure(async (infrastructure) => {
    const stack = await startStack(infrastructure, path.resolve(__dirname, '../../apps'));
    const watcher = new StatusWatcher();
    let failed = true;
    try {
      await watcher.start(infrastructure.kafkaBrokers);
      await measure(stack, watcher);
      failed = false;
    } finally {
      await watcher.stop();
      await stack.stop(failed);
      if (failed) process.stderr.write(`app logs kept in ${stack.logDir}\n`);
    }
  });
}
