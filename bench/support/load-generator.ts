import { LoadResult, summarize } from './load-stats';

/** Sends the n-th request and tells whether it got the expected answer. */
export interface LoadClient {
  send(n: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Makes a client with at most `connections` open connections. */
export type LoadClientFactory = (connections: number) => LoadClient;

async function timedSend(client: LoadClient, n: number): Promise<{ ms: number; ok: boolean }> {
  const started = process.hrtime.bigint();
  const ok = await client.send(n).catch(() => false);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, ok };
}

/** Closed loop: `connections` clients each send the next request as soon as the previous one is answered. */
export async function closedLoop(
  clients: LoadClientFactory,
  connections: number,
  durationMs: number,
  from = 0,
): Promise<LoadResult> {
  const client = clients(connections);
  const latencies: number[] = [];
  let failed = 0;
  let next = from;
  const started = Date.now();
  const worker = async (): Promise<void> => {
    while (Date.now() - started < durationMs) {
      const result = await timedSend(client, next++);
      latencies.push(result.ms);
      if (!result.ok) failed++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  await client.close();
  return summarize(latencies, failed, (Date.now() - started) / 1000);
}

/** Open loop: requests arrive at a fixed rate whatever the answers, as Meta's do; latency includes queueing. */
export async function openLoop(
  clients: LoadClientFactory,
  perSecond: number,
  durationMs: number,
  from = 0,
): Promise<LoadResult> {
  const client = clients(256);
  const latencies: number[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const started = Date.now();
  const total = Math.floor((perSecond * durationMs) / 1000);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      timedSend(client, from + i).then((result) => {
        latencies.push(result.ms);
        if (!result.ok) failed++;
      }),
    );
  }
  await Promise.all(inFlight);
  await client.close();
  return summarize(latencies, failed, (Date.now() - started) / 1000);
}
