import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { AppName, LOCAL_META_APP } from '@app/dev-stack';
import { appsecretProof } from '@app/meta';
import { LoadClientFactory, closedLoop } from '../support/load-generator';
import { undiciClients } from '../support/http-clients';
import { withInfrastructure } from '../support/infrastructure';
import { completionRate, LoadResult } from '../support/load-stats';
import { fetchMetrics, histogramMeanMs } from '../support/metrics';
import { appCpuSeconds, cpuPerMessage } from './app-cpu';
import { pageIdsOnDistinctPartitions } from './bench-pages';
import { BenchStack, OUTBOUND_PACING_ENV, startStack } from './bench-stack';
import { BenchConversation, BenchWorld, pauseWebhooks, prepareWorld } from './bench-world';
import { StatusWatcher } from './status-watcher';

const PAGES = 8;
const PEOPLE = 4;
const CONNECTIONS = 32;
const WARMUP_MS = 3000;
const MEASURE_MS = 10_000;
const SETTLE_TIMEOUT_MS = 180_000;
const GRAPH_VERSION = 'v25.0';

const text = (n: number) => `Your order #${n} ships tomorrow; we will send the tracking link as soon as we have it.`;

/** (a) The ceiling: the Send API call outbound makes for message n, straight to the sandbox. */
function directSends(sandbox: string, world: BenchWorld): LoadClientFactory {
  const proofs = new Map(
    Object.entries(world.pageTokens).map(([page, token]) => [page, appsecretProof(LOCAL_META_APP.appSecret, token)]),
  );
  return undiciClients({
    origin: sandbox,
    okStatus: 200,
    request: (n) => {
      const { pageId, psid } = conversationOf(world, n);
      const query = new URLSearchParams({
        access_token: world.pageTokens[pageId],
        appsecret_proof: proofs.get(pageId)!,
      });
      return {
        path: `/${GRAPH_VERSION}/${pageId}/messages?${query}`,
        headers: { 'content-type': 'application/json' },
        // The body outbound builds for a text message: its own id travels in metadata.
        body: JSON.stringify({
          recipient: { id: psid },
          messaging_type: 'RESPONSE',
          message: { text: text(n), metadata: `parley:${randomUUID()}` },
        }),
      };
    },
  });
}

/** (b) The CRM's request for message n to outbound; collects the ids of the accepted messages. */
function crmSends(outbound: string, world: BenchWorld, accepted: string[]): LoadClientFactory {
  return undiciClients({
    origin: outbound,
    okStatus: 202,
    request: (n) => {
      const { pageId, psid } = conversationOf(world, n);
      return {
        path: '/v1/messages',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${world.jwt}`,
          'idempotency-key': `bench-${n}`,
        },
        body: JSON.stringify({
          channel: 'messenger',
          accountId: pageId,
          recipientId: psid,
          message: { text: text(n) },
        }),
      };
    },
    answered: (_, body) => accepted.push((JSON.parse(body) as { id: string }).id),
  });
}

function conversationOf(world: BenchWorld, n: number): BenchConversation {
  return world.conversations[n % world.conversations.length];
}

interface OutboundRun {
  accept: LoadResult;
  sent: number;
  failed: number;
  unsettled: number;
  endToEndPerSecond: number;
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
  const sentAt = settled.filter((s) => s.status === 'sent').map((s) => s.at);
  return {
    accept,
    sent: sentAt.length,
    failed: settled.length - sentAt.length,
    unsettled: accepted.length - settled.length,
    endToEndPerSecond: completionRate(startedAt, sentAt),
  };
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
  const beforeCeiling = await appCpuSeconds(stack.url);
  const ceiling = await closedLoop(direct, CONNECTIONS, MEASURE_MS, 1_000_000);
  const ceilingCpu = cpuPerMessage(beforeCeiling, await appCpuSeconds(stack.url), ceiling.ok);
  process.stdout.write('(a) direct Send API calls: done\n');

  const outbound = stack.url('outbound');
  await outboundRun(outbound, world, watcher, WARMUP_MS, 0);
  const beforeRun = await appCpuSeconds(stack.url);
  const run = await outboundRun(outbound, world, watcher, MEASURE_MS, 1_000_000);
  const runCpu = cpuPerMessage(beforeRun, await appCpuSeconds(stack.url), run.sent);
  process.stdout.write('(b) through outbound: done\n');
  const serverMs = async (app: AppName, method: string, route: string) =>
    histogramMeanMs(await fetchMetrics(stack.url(app)), 'http_request_duration_seconds', { method, route });
  const accepting = await serverMs('outbound', 'POST', '/v1/messages');
  const deciding = await serverMs('compliance', 'POST', '/internal/v1/decisions');
  const sending = await serverMs('meta-sandbox', 'POST', `/${GRAPH_VERSION}/:id/messages`);

  const ms = (value: number) => `${value.toFixed(2).padStart(7)} ms`;
  const lines = [
    '',
    `Outbound benchmark: ${CONNECTIONS} connections (undici), ${MEASURE_MS / 1000} s runs, text messages to ` +
      `${world.conversations.length} conversations on ${PAGES} Pages (one per request partition), ${os.cpus().length} cores`,
    `Sandbox rate limits raised out of the way; outbound pacing per Page raised to ${OUTBOUND_PACING_ENV.OUTBOUND_ACCOUNT_PER_SECOND}/s; ` +
      'webhook deliveries (echoes) held during the runs',
    `(a) Send API direct         ${ceiling.perSecond.toFixed(0).padStart(6)} messages/s   p50 ${ms(ceiling.p50Ms)}   p99 ${ms(ceiling.p99Ms)}   failed ${ceiling.failed}`,
    `(b) POST /v1/messages → 202 ${run.accept.perSecond.toFixed(0).padStart(6)} accepts/s    p50 ${ms(run.accept.p50Ms)}   p99 ${ms(run.accept.p99Ms)}   failed ${run.accept.failed}`,
    `(b) end to end (sent)       ${run.endToEndPerSecond.toFixed(0).padStart(6)} messages/s   sent ${run.sent}, failed ${run.failed}, not settled ${run.unsettled}`,
    `(b) per Page ${(run.endToEndPerSecond / PAGES).toFixed(1)} messages/s: outbound sends a Page's messages one after the other`,
    `mean time inside the apps (warm-up runs included): outbound POST /v1/messages ${accepting.toFixed(1)} ms, ` +
      `compliance decision ${deciding.toFixed(1)} ms, sandbox Send API ${sending.toFixed(1)} ms`,
    'CPU ms per message (Kafka and PostgreSQL not counted):',
    `  (a) ${ceilingCpu}`,
    `  (b) ${runCpu}`,
    `ratio b/a (messages/s end to end): ${(run.endToEndPerSecond / ceiling.perSecond).toFixed(2)}   (target ≥ 0.5)`,
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
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
