import { Agent, request } from 'node:http';
import { Pool } from 'undici';
import { LoadClient, LoadClientFactory } from './load-generator';

export interface LoadRequest {
  path: string;
  body: Buffer | string;
  headers: Record<string, string>;
}

/** What the load generator POSTs: the n-th request, and the status that counts as success. */
export interface LoadTarget {
  origin: string;
  request(n: number): LoadRequest;
  okStatus: number;
  /** Given the body of each successful answer, when the benchmark needs it (e.g. the id of what was created). */
  answered?(n: number, body: string): void;
}

/** Node's own http client with a keep-alive agent. */
export function nodeHttpClients(target: LoadTarget): LoadClientFactory {
  return (connections): LoadClient => {
    const agent = new Agent({ keepAlive: true, maxSockets: connections });
    return {
      send: (n) => {
        const { path, body, headers } = target.request(n);
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        return new Promise((resolve) => {
          const req = request(
            new URL(path, target.origin),
            { method: 'POST', agent, headers: { ...headers, 'content-length': String(bytes.length) } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => target.answered && chunks.push(chunk));
              res.on('end', () => {
                const ok = res.statusCode === target.okStatus;
                if (ok) target.answered?.(n, Buffer.concat(chunks).toString('utf8'));
                resolve(ok);
              });
            },
          );
          req.on('error', () => resolve(false));
          req.end(bytes);
        });
      },
      close: async () => agent.destroy(),
    };
  };
}

/** undici's pool: the leanest Node HTTP client, as a ceiling's client should be. */
export function undiciClients(target: LoadTarget): LoadClientFactory {
  return (connections): LoadClient => {
    const pool = new Pool(target.origin, { connections, pipelining: 1 });
    return {
      send: async (n) => {
        const { path, body, headers } = target.request(n);
        const answer = await pool.request({ method: 'POST', path, headers, body });
        const ok = answer.statusCode === target.okStatus;
        if (ok && target.answered) target.answered(n, await answer.body.text());
        else await answer.body.dump();
        return ok;
      },
      close: () => pool.close(),
    };
  };
}
