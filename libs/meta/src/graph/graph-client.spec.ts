import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { appsecretProof } from './appsecret-proof';
import { MetaGraphClient } from './graph-client';
import { MetaGraphError, parseGraphError, scrubTokens } from './graph-error';
import { parseUsageHeaders } from './graph-usage';

const TOKEN = 'EAABwzLixnjYBOZCpagetoken1234567890';

describe(MetaGraphClient.name, () => {
  let server: Server;
  let seen: { method?: string; url: URL; body: string }[];
  let answer: { status: number; body: string; headers?: Record<string, string> };
  let sut: MetaGraphClient;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: new URL(req.url ?? '/', 'http://x'), body });
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    sut = new MetaGraphClient({
      graphUrl: `http://127.0.0.1:${port}/`,
      version: 'v25.0',
      appId: '42',
      appSecret: 's3cret',
    });
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  beforeEach(() => {
    seen = [];
    answer = { status: 200, body: '{"success":true}' };
  });

  describe('request', () => {
    it('calls the versioned path with the token and its appsecret_proof', async () => {
      const result = await sut.get<{ success: boolean }>('/me/accounts', {
        token: TOKEN,
        params: { fields: 'id,tasks' },
      });
      expect(result.data).toEqual({ success: true });
      const { url } = seen[0];
      expect(url.pathname).toBe('/v25.0/me/accounts');
      expect(url.searchParams.get('fields')).toBe('id,tasks');
      expect(url.searchParams.get('access_token')).toBe(TOKEN);
      expect(url.searchParams.get('appsecret_proof')).toBe(appsecretProof('s3cret', TOKEN));
    });

    it('sends no proof without a token, and a JSON body on POST', async () => {
      await sut.post('p1/subscribed_apps', { body: { a: 1 } });
      expect(seen[0].method).toBe('POST');
      expect(seen[0].url.searchParams.has('appsecret_proof')).toBe(false);
      expect(JSON.parse(seen[0].body)).toEqual({ a: 1 });
    });

    it('sends a FormData body as multipart, for file uploads', async () => {
      const form = new FormData();
      form.set('message', '{"attachment":{"type":"image","payload":{"is_reusable":true}}}');
      form.set('filedata', new Blob([Buffer.from('PNGDATA')], { type: 'image/png' }), 'a.png');
      await sut.post('p1/message_attachments', { token: TOKEN, body: form });
      expect(seen[0].body).toContain('name="filedata"; filename="a.png"');
      expect(seen[0].body).toContain('PNGDATA');
      expect(seen[0].body).toContain('{"attachment":{"type":"image","payload":{"is_reusable":true}}}');
    });

    it('returns the usage headers', async () => {
      answer.headers = { 'x-app-usage': '{"call_count":28,"total_time":25,"total_cputime":20}' };
      const result = await sut.get('me', { token: TOKEN });
      expect(result.usage.app).toEqual({ callCount: 28, totalTime: 25, totalCputime: 20 });
    });

    it('turns a Meta error body into a typed error', async () => {
      answer = {
        status: 400,
        body: JSON.stringify({
          error: {
            message: 'Error validating access token',
            type: 'OAuthException',
            code: 190,
            error_subcode: 463,
            fbtrace_id: 'Ab1',
          },
        }),
      };
      const error = await sut.get('me', { token: TOKEN }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MetaGraphError);
      expect(error).toMatchObject({ status: 400, code: 190, subcode: 463, isInvalidToken: true });
      expect((error as MetaGraphError).details.fbtraceId).toBe('Ab1');
    });

    it('reports an unreachable Graph without the URL (it holds the token)', async () => {
      const down = new MetaGraphClient({
        graphUrl: 'http://127.0.0.1:1',
        version: 'v25.0',
        appId: '1',
        appSecret: 's',
      });
      const error = (await down.get('me', { token: TOKEN }).catch((e: unknown) => e)) as MetaGraphError;
      expect(error.code).toBe(-1);
      expect(error.details.isTransient).toBe(true);
      expect(error.message).not.toContain(TOKEN);
    });
  });

  it('builds the app token from id and secret', () => {
    expect(sut.appToken).toBe('42|s3cret');
  });
});

describe('parseGraphError', () => {
  it.each([
    [500, 'not json', -1, true],
    [
      400,
      { error: { code: 100, error_subcode: 2018001, message: 'No matching user', is_transient: false } },
      100,
      false,
    ],
    [503, {}, -1, true],
  ])('HTTP %s %j → code %s', (status, body, code, transient) => {
    const sut = parseGraphError(status, body);
    expect(sut.code).toBe(code);
    expect(Boolean(sut.details.isTransient)).toBe(transient);
  });

  it('scrubs tokens Meta quotes back', () => {
    const sut = parseGraphError(400, { error: { code: 190, message: `Malformed access token ${TOKEN}` } });
    expect(sut.message).toBe('Malformed access token [redacted]');
    expect(scrubTokens('app 123456|abcdefghijklmnopqrstu')).toBe('app [redacted]');
  });
});

describe('parseUsageHeaders', () => {
  it('reads Business Use Case usage per object and ignores malformed headers', () => {
    const headers = new Headers({
      'x-page-usage': 'nonsense',
      'x-business-use-case-usage': JSON.stringify({
        p1: [
          {
            type: 'messenger',
            call_count: 100,
            total_cputime: 25,
            total_time: 25,
            estimated_time_to_regain_access: 19,
          },
        ],
      }),
    });
    const sut = parseUsageHeaders(headers);
    expect(sut.page).toBeUndefined();
    expect(sut.businessUseCase.p1).toEqual([
      { type: 'messenger', callCount: 100, totalCputime: 25, totalTime: 25, estimatedTimeToRegainAccess: 19 },
    ]);
  });
});
