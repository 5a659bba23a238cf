import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { JWK } from 'jose';

export interface ConnectedAccount {
  pageId: string;
  instagramId: string | null;
  accessToken: string;
  tenantId: string;
}

/**
 * What outbound asks of the tokens and compliance apps, over their routes: the CRM signing keys (JWKS), a Page's
 * token, and a send decision that allows everything. Lets outbound run as a process without the other apps.
 */
export class PeerStandIns {
  private readonly server: Server = createServer((req, res) => this.answer(req, res));
  url = '';

  private constructor(
    private readonly jwk: JWK,
    private readonly accounts: ConnectedAccount[],
  ) {}

  static async start(jwk: JWK, accounts: ConnectedAccount[]): Promise<PeerStandIns> {
    const standIns = new PeerStandIns(jwk, accounts);
    await new Promise<void>((resolve) => standIns.server.listen(0, '127.0.0.1', resolve));
    standIns.url = `http://127.0.0.1:${(standIns.server.address() as AddressInfo).port}`;
    return standIns;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
    if (req.method === 'GET' && path === '/.well-known/jwks.json') return json(res, 200, { keys: [this.jwk] });
    const token = /^\/internal\/v1\/accounts\/([^/]+)\/token$/.exec(path);
    if (req.method === 'GET' && token) {
      const id = decodeURIComponent(token[1]);
      const account = this.accounts.find((a) => a.pageId === id || a.instagramId === id);
      return account ? json(res, 200, account) : json(res, 404, { code: 'not_found' });
    }
    if (req.method === 'POST' && path === '/internal/v1/decisions') {
      return json(res, 200, { allowed: true, reason: 'window_open', rule: 'standard_window', deadline: null });
    }
    json(res, 404, { code: 'not_found' });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
