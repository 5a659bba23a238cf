import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LOCAL_META_APP } from '@app/dev-stack';

const TENANT = 'bench';

export interface BenchConversation {
  pageId: string;
  psid: string;
}

/** Pages connected to one tenant, people who wrote to every Page, and a CRM client's JWT. */
export interface BenchWorld {
  /** The Page tokens the sandbox issued, by Page id: what the direct calls use. */
  pageTokens: Record<string, string>;
  conversations: BenchConversation[];
  jwt: string;
}

export interface WorldUrls {
  sandbox: string;
  gateway: string;
  tokens: string;
  compliance: string;
}

interface SeedAnswer {
  pages: { id: string }[];
  people: { id: string; psids: Record<string, string> }[];
  admins: { id: string; tokens: { pageTokens: Record<string, string> }[] }[];
}

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  if (response.status >= 400)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The local Meta app with the given Pages, `people` people on each, and one admin of every Page. */
async function seed(urls: WorldUrls, pageIds: readonly string[], people: number): Promise<SeedAnswer> {
  const response = await call(
    `${urls.sandbox}/_sandbox/seed`,
    json('POST', {
      app: {
        key: 'parley',
        id: LOCAL_META_APP.appId,
        secret: LOCAL_META_APP.appSecret,
        verifyToken: LOCAL_META_APP.verifyToken,
        callbackUrl: `${urls.gateway}/webhooks/meta`,
      },
      pages: pageIds.map((id, i) => ({ key: `page-${i}`, id, name: `Bench Shop ${i}` })),
      people: Array.from({ length: people }, (_, i) => ({ key: `person-${i}`, id: `bench-person-${i}` })),
      admins: [{ key: 'admin', name: 'Bench Admin' }],
    }),
  );
  return (await response.json()) as SeedAnswer;
}

/** The admin connects every Page to the tenant through the login dialog, as in the onboarding e2e test. */
async function onboard(urls: WorldUrls, adminId: string): Promise<void> {
  const start = await call(`${urls.tokens}/onboarding/${TENANT}/start`);
  const dialog = new URL(start.headers.get('location')!);
  dialog.searchParams.set('sandbox_user', adminId);
  const approved = await call(dialog.toString());
  await call(approved.headers.get('location')!);
}

/** A CRM client of the tenant, created with the admin command, and its JWT. */
async function crmJwt(urls: WorldUrls, adminCli: string, tokensEnv: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      adminCli,
      'clients',
      'create',
      '--tenant',
      TENANT,
      '--name',
      'bench-crm',
      '--scopes',
      'messages:send,compliance:read',
    ],
    { env: { ...process.env, ...tokensEnv } },
  );
  const client = JSON.parse(stdout.trim().split('\n').pop()!) as { clientId: string; clientSecret: string };
  const issued = await call(`${urls.tokens}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  return ((await issued.json()) as { access_token: string }).access_token;
}

async function windowOpen(urls: WorldUrls, jwt: string, c: BenchConversation): Promise<boolean> {
  const response = await fetch(`${urls.compliance}/v1/conversations/messenger:${c.pageId}:${c.psid}/window`, {
    headers: { authorization: `Bearer ${jwt}` },
  });
  return response.ok && ((await response.json()) as { open?: boolean }).open === true;
}

/**
 * Everything a send needs, made the way it happens for real: the Pages onboarded through tokens, and each
 * person's message carried by a webhook through the gateway and Kafka to compliance, which opens the window.
 */
export async function prepareWorld(
  urls: WorldUrls,
  options: { pageIds: readonly string[]; people: number; adminCli: string; tokensEnv: Record<string, string> },
): Promise<BenchWorld> {
  const seeded = await seed(urls, options.pageIds, options.people);
  const admin = seeded.admins[0];
  await onboard(urls, admin.id);
  const jwt = await crmJwt(urls, options.adminCli, options.tokensEnv);
  const conversations = seeded.pages.flatMap((page) =>
    seeded.people.map((person) => ({ pageId: page.id, psid: person.psids[page.id], personId: person.id })),
  );
  for (const c of conversations) {
    await call(
      `${urls.sandbox}/_sandbox/people/${c.personId}/messages`,
      json('POST', { account: c.pageId, text: 'Hi! Where is my order?' }),
    );
  }
  const deadline = Date.now() + 60_000;
  let waiting = conversations;
  while (waiting.length > 0) {
    if (Date.now() > deadline) throw new Error(`${waiting.length} conversation windows did not open within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const open = await Promise.all(waiting.map((c) => windowOpen(urls, jwt, c)));
    waiting = waiting.filter((_, i) => !open[i]);
  }
  return {
    pageTokens: admin.tokens[0].pageTokens,
    conversations: conversations.map(({ pageId, psid }) => ({ pageId, psid })),
    jwt,
  };
}

/** Holds the sandbox's webhook deliveries (echoes queue there), so the measured runs carry only the send path. */
export async function pauseWebhooks(urls: WorldUrls): Promise<void> {
  await call(`${urls.sandbox}/_sandbox/apps/${LOCAL_META_APP.appId}/chaos`, json('PUT', { paused: true }));
}
