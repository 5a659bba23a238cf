import { Agent, request } from 'node:http';

export interface LoadTarget {
  url: string;
  /** Builds the n-th delivery: body and headers. */
  delivery(n: number): { body: Buffer; headers: Record<string, string> };
}

export interface LoadResult {
  requests: number;
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function send(agent: Agent, target: LoadTarget, n: number): Promise<{ ms: number; ok: boolean }> {
  const { body, headers } = target.delivery(n);
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = request(
      target.url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, ok: res.statusCode === 200 }),
        );
      },
    );
    req.on('error', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, ok: false }));
    req.end(body);
  });
}

function summarize(latencies: number[], failed: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    requests,
    ok: requests - failed,
    failed,
    seconds,
    perSecond: (requests - failed) / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

/** Closed loop: `connections` clients each send the next delivery as soon as the previous one is answered. */
export async function closedLoop(
  target: LoadTarget,
  connections: number,
  durationMs: number,
  from = 0,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let failed = 0;
  let next = from;
  const started = Date.now();
  const worker = async (): Promise<void> => {
    while (Date.now() - started < durationMs) {
      const result = await send(agent, target, next++);
      latencies.push(result.ms);
      if (!result.ok) failed++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return summarize(latencies, failed, (Date.now() - started) / 1000);
}

/** Open loop: deliveries arrive at a fixed rate whatever the answers, as Meta's do; latency includes queueing. */
export async function openLoop(
  target: LoadTarget,
  perSecond: number,
  durationMs: number,
  from = 0,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
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
      send(agent, target, from + i).then((result) => {
        latencies.push(result.ms);
        if (!result.ok) failed++;
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return summarize(latencies, failed, (Date.now() - started) / 1000);
}
