import { builtEntry, freePort, RunningProcess, startProcess, waitForReady } from '../support/processes';

jest.setTimeout(60_000);

/** The bootstrap every app shares, exercised through a probe app that has a DTO and a slow route. */
describe('the shared bootstrap (probe app as a process)', () => {
  let url: string;
  let running: RunningProcess;

  beforeEach(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    running = startProcess(builtEntry('test/e2e/fixtures/probe-app.js'), {
      PORT: String(port),
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      HTTP_BODY_LIMIT_BYTES: '2048',
      LOG_LEVEL: 'info',
    });
    await waitForReady(url, running);
  });

  afterEach(async () => {
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
    await running.exited;
  });

  it('refuses an unknown field with 400 problem+json naming it, with the correlation id', async () => {
    const response = await fetch(`${url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
      body: JSON.stringify({ text: 'hi', extra: true }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      status: 400,
      code: 'validation_failed',
      correlationId: 'req-42',
      instance: '/probe/echo',
    });
    expect(problem.errors).toEqual(['property extra should not exist']);
  });

  it('accepts a valid body and gives a new correlation id when none is sent', async () => {
    const response = await fetch(`${url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ text: 'hi' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed JSON and a body over the limit as problem+json', async () => {
    const malformed = await fetch(`${url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'bad_request' });
    const tooLarge = await fetch(`${url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('lets an in-flight request finish after SIGTERM, then exits 0', async () => {
    const slow = fetch(`${url}/probe/slow?ms=1500`).then(async (response) => ({
      status: response.status,
      body: await response.json(),
    }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    running.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await fetch(`${url}/health/live`).then(
      () => false,
      () => true,
    );
    expect(await slow).toEqual({ status: 200, body: { waitedMs: 1500 } });
    expect(refused).toBe(true);
    expect(await running.exited).toBe(0);
  });

  it('writes JSON log lines without secrets', async () => {
    await fetch(`${url}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sekret-token-value' },
      body: JSON.stringify({ text: 'hi' }),
    });
    running.child.kill('SIGTERM');
    await running.exited;
    const lines = running.output().trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(running.output()).not.toContain('sekret-token-value');
    expect(lines.some((line) => (JSON.parse(line) as { correlationId?: string }).correlationId)).toBe(true);
  });
});
