import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { DEMO_ADMIN_ID, DEMO_PAGE_ID } from '../../../apps/meta-sandbox/src/seed/seed.service';
import { APP_NAMES, AppName, DEFAULT_PORTS, planStack } from '../../../libs/dev-stack/src/stack-plan';
import { AppDocument, mergeOpenApi } from '../support/openapi-document';
import {
  builtEntry,
  eventually,
  freePort,
  ROOT,
  RunningProcess,
  startProcess,
  waitForReady,
} from '../support/processes';

jest.setTimeout(120_000);

const entryOf = (app: AppName) => builtEntry(`apps/${app}/src/main.js`);

describe('every app, started as a process', () => {
  it.each(APP_NAMES)('%s exits non-zero naming each bad variable', async (app) => {
    const running = startProcess(entryOf(app), { PORT: 'eighty', DATABASE_URL: 'not-a-url', KAFKA_BROKERS: 'x' });
    expect(await running.exited).toBe(1);
    const fatal = running.output().trim().split('\n').pop()!;
    expect(fatal).toContain('PORT must be an integer');
    expect(fatal).toContain('DATABASE_URL must be a postgres:// URL');
  });

  describe('with the settings npm start gives them', () => {
    let database: TestDatabase;
    const running: { app: AppName; port: number; url: string; process: RunningProcess }[] = [];
    let tokensEnv: Record<string, string>;
    /** What the conversation left behind, for the erasure that follows it. */
    let conversation: { jwt: string; psid: string; messageId: string } | null = null;

    beforeAll(async () => {
      database = await createTestDatabase('apps_as_processes');
      const portVariables: Record<string, string> = {};
      for (const app of APP_NAMES)
        portVariables[`${app.toUpperCase().replace('-', '_')}_PORT`] = String(await freePort());
      const plan = planStack(
        {
          ...portVariables,
          DATABASE_URL: database.url,
          KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS!,
          LOG_LEVEL: 'warn',
        },
        '.data',
        {
          tokenEncryptionKey: `test1:${randomBytes(32).toString('base64')}`,
          internalApiToken: randomBytes(24).toString('hex'),
          onboardingStateSecret: randomBytes(24).toString('hex'),
        },
      );
      const prefix = `e2e-${randomBytes(3).toString('hex')}.`;
      // One after the other, in the order npm start uses: producers create their topics before consumers start.
      for (const spec of plan.apps) {
        const appEnv = { ...spec.env, KAFKA_TOPIC_PREFIX: prefix };
        if (spec.name === 'tokens') tokensEnv = appEnv;
        const process = startProcess(entryOf(spec.name), appEnv);
        const url = `http://127.0.0.1:${spec.port}`;
        running.push({ app: spec.name, port: spec.port, url, process });
        await waitForReady(url, process, 60_000);
      }
    });

    afterAll(async () => {
      for (const { process } of running) process.child.kill('SIGTERM');
      await Promise.all(running.map(({ process }) => process.exited));
      await database?.drop();
    });

    it('reports ready with its database (and Kafka where it has one)', async () => {
      for (const { app, url } of running) {
        const response = await fetch(`${url}/health/ready`);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { checks: Record<string, string> };
        expect(body.checks.database).toBe('up');
        if (app !== 'meta-sandbox') expect(body.checks.kafka).toBe('up');
      }
    });

    it('serves liveness, Prometheus metrics and Swagger UI, and echoes the correlation id', async () => {
      for (const { url } of running) {
        const live = await fetch(`${url}/health/live`, { headers: { 'x-request-id': 'corr-123' } });
        expect(live.status).toBe(200);
        expect(live.headers.get('x-request-id')).toBe('corr-123');
        const metrics = await (await fetch(`${url}/metrics`)).text();
        expect(metrics).toContain('process_cpu_seconds_total');
        expect(metrics).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/health\/live"[^}]*status="200"/);
        const docs = await fetch(`${url}/docs`);
        expect(docs.status).toBe(200);
        expect(await docs.text()).toContain('swagger');
        expect(live.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });

    it('documents its REST API exactly as openapi.yaml says (UPDATE_OPENAPI=1 rewrites it)', async () => {
      const documents = await Promise.all(
        running
          .filter(({ app }) => app !== 'meta-sandbox')
          .map(async ({ app, url }) => ({
            app,
            port: DEFAULT_PORTS[app],
            document: (await (await fetch(`${url}/docs/openapi.json`)).json()) as AppDocument['document'],
          })),
      );
      const generated = mergeOpenApi(documents);
      const file = path.join(ROOT, 'openapi.yaml');
      if (process.env.UPDATE_OPENAPI === '1') writeFileSync(file, generated);
      expect(readFileSync(file, 'utf8')).toBe(generated);
    });

    it('carries a conversation end to end: onboarding, a person writes, a CRM answers, Meta receives it', async () => {
      const url = (app: AppName) => running.find((r) => r.app === app)!.url;
      const sandbox = url('meta-sandbox');
      // An admin connects the demo Page to tenant acme through the (sandboxed) Facebook Login dialog.
      const start = await fetch(`${url('tokens')}/onboarding/acme/start`, { redirect: 'manual' });
      expect(start.status).toBe(302);
      const dialog = new URL(start.headers.get('location')!);
      dialog.searchParams.set('sandbox_user', DEMO_ADMIN_ID);
      const approved = await fetch(dialog, { redirect: 'manual' });
      expect(approved.status).toBe(302);
      expect((await fetch(approved.headers.get('location')!)).status).toBe(200);

      // A CRM client of acme gets a JWT.
      const created = startProcess(builtEntry('apps/tokens/src/admin-cli.js'), tokensEnv, [
        'clients',
        'create',
        '--tenant',
        'acme',
        '--name',
        'crm',
        '--scopes',
        'messages:send,messages:read,compliance:read,pages:manage',
      ]);
      expect(await created.exited).toBe(0);
      const client = JSON.parse(created.output().trim().split('\n').pop()!) as {
        clientId: string;
        clientSecret: string;
      };
      const issued = await fetch(`${url('tokens')}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.clientId,
          client_secret: client.clientSecret,
        }),
      });
      expect(issued.status).toBe(200);
      const { access_token: jwt } = (await issued.json()) as { access_token: string };

      // The person writes to the Page: Meta's webhook reaches the gateway, Kafka, and compliance opens the window.
      const wrote = await fetch(`${sandbox}/_sandbox/people/ana/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: DEMO_PAGE_ID, text: 'Hello, is my order on its way?' }),
      });
      expect(wrote.status).toBeLessThan(300);
      const { scopedId: psid } = (await wrote.json()) as { scopedId: string };
      const conversationId = `messenger:${DEMO_PAGE_ID}:${psid}`;
      await eventually(async () => {
        const window = await fetch(`${url('compliance')}/v1/conversations/${conversationId}/window`, {
          headers: { authorization: `Bearer ${jwt}` },
        });
        return window.ok && ((await window.json()) as { open?: boolean }).open === true;
      });

      // The CRM answers through outbound; the message reaches the person at "Meta".
      const sent = await fetch(`${url('outbound')}/v1/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${jwt}`,
          'idempotency-key': `e2e-${psid}`,
        },
        body: JSON.stringify({
          channel: 'messenger',
          accountId: DEMO_PAGE_ID,
          recipientId: psid,
          message: { text: 'Yes, tomorrow.' },
        }),
      });
      expect(sent.status).toBe(202);
      const { id } = (await sent.json()) as { id: string };
      await eventually(async () => {
        const message = await fetch(`${url('outbound')}/v1/messages/${id}`, {
          headers: { authorization: `Bearer ${jwt}` },
        });
        return ['sent', 'delivered', 'read'].includes(((await message.json()) as { status?: string }).status ?? '');
      });
      const received = await (await fetch(`${sandbox}/_sandbox/people/ana/messages`)).text();
      expect(received).toContain('Yes, tomorrow.');
      conversation = { jwt, psid, messageId: id };
    });

    it('erases the person in every app when the CRM asks, and the status page shows it complete', async () => {
      const url = (app: AppName) => running.find((r) => r.app === app)!.url;
      expect(conversation).not.toBeNull();
      const { jwt, psid, messageId } = conversation!;
      const auth = { authorization: `Bearer ${jwt}` };
      const requested = await fetch(`${url('compliance')}/v1/erasure`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ channel: 'messenger', accountId: DEMO_PAGE_ID, personId: psid }),
      });
      expect(requested.status).toBe(201);
      const { statusUrl } = (await requested.json()) as { statusUrl: string };
      const statusPath = new URL(statusUrl).pathname;

      type Status = { status: string; apps: { app: string; status: string }[] };
      const status = async () => (await (await fetch(`${url('compliance')}${statusPath}`)).json()) as Status;
      await eventually(async () => (await status()).status === 'completed');
      expect((await status()).apps.map((a) => [a.app, a.status])).toEqual([
        ['compliance', 'done'],
        ['outbound', 'done'],
        ['tokens', 'done'],
      ]);
      expect((await fetch(`${url('outbound')}/v1/messages/${messageId}`, { headers: auth })).status).toBe(404);
    });

    it('answers an unknown route with problem+json carrying the correlation id', async () => {
      for (const { url } of running) {
        const response = await fetch(`${url}/v1/no-such-thing-here`, {
          method: 'DELETE',
          headers: { 'x-request-id': 'corr-404' },
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        if (response.headers.get('content-type')?.startsWith('application/problem+json')) {
          expect(await response.json()).toMatchObject({ correlationId: 'corr-404' });
        }
      }
    });
  });
});
