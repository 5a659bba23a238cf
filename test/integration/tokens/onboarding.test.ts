import { createTestDatabase, TestDatabase } from '@app/testing';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { ConnectionEvent, MetaCallbackEvent, OutboundStatusEvent, Topics, validateTopicPayload } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { TokenHealthService } from '../../../apps/tokens/src/health/token-health.service';
import { testBrokers, uniquePrefix } from '../kafka/support';
import { eventually, TopicReader } from '../gateway/support/topic-reader';
import { freshDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import {
  getHtml,
  INTERNAL_TOKEN,
  loginThroughDialog,
  startTokens,
  tokensConfig,
  TokensUnderTest,
} from './support/tokens-app';

jest.setTimeout(60_000);

describe('tokens onboarding against the Meta sandbox', () => {
  let sandboxDb: { url: string; drop(): Promise<void> };
  let tokensDb: TestDatabase;
  let sandbox: SandboxUnderTest;
  let world: World;
  let sut: TokensUnderTest;
  let reader: TopicReader;
  const prefix = uniquePrefix('tokens');

  beforeAll(async () => {
    sandboxDb = await freshDatabase('tokens_sandbox');
    tokensDb = await createTestDatabase('tokens_onboarding');
    sandbox = await startSandbox({ databaseUrl: sandboxDb.url });
    world = await World.create(
      sandbox.url,
      standardSeed(undefined, {
        pages: [
          { key: 'page', name: 'Acme', instagram: { username: 'acme' } },
          { key: 'shop', name: 'Acme Shop' },
        ],
        admins: [
          { key: 'admin', name: 'Dana Admin' },
          { key: 'editor', name: 'Eli Editor', roles: [{ page: 'page', tasks: ['MODERATE', 'CREATE_CONTENT'] }] },
        ],
      }),
    );
    sut = await startTokens({
      databaseUrl: tokensDb.url,
      brokers: testBrokers(),
      prefix,
      config: tokensConfig({
        META_GRAPH_URL: sandbox.url,
        META_DIALOG_URL: sandbox.url,
        META_APP_ID: world.app.id,
        META_APP_SECRET: world.app.secret,
      }),
    });
    reader = new TopicReader(testBrokers(), [`${prefix}${Topics.tokensConnection}`]);
    await reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    await sut?.close();
    await sandbox?.close();
    await tokensDb?.drop();
    await sandboxDb?.drop();
  });

  const events = () =>
    reader.of(`${prefix}${Topics.tokensConnection}`).map((r) => JSON.parse(r.value.toString()) as ConnectionEvent);
  const adminId = (key: string) => world.seed.admins.find((a) => a.key === key)!.id;
  const shopId = () => world.seed.pages[1].id;

  async function crmToken(tenantId: string, scopes = ['pages:read', 'pages:manage']) {
    const client = await sut.clients.create(tenantId, 'crm', scopes as never);
    const res = await fetch(`${sut.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  async function api(path: string, token: string, method = 'GET') {
    const res = await fetch(`${sut.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  it('sends the admin to the dialog with a signed state and the app id', async () => {
    const { dialogUrl } = await loginThroughDialog(sut.url, 'acme', { sandbox_user: adminId('admin') });
    expect(dialogUrl.pathname).toBe('/v25.0/dialog/oauth');
    expect(dialogUrl.searchParams.get('client_id')).toBe(world.app.id);
    expect(dialogUrl.searchParams.get('redirect_uri')).toBe(`${sut.url}/onboarding/callback`);
    expect(dialogUrl.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('connects every granted Page with its Instagram account, subscribes it and shows the checklist', async () => {
    const { callbackUrl } = await loginThroughDialog(sut.url, 'acme', { sandbox_user: adminId('admin') });
    const sut1 = await getHtml(callbackUrl);
    expect(sut1.status).toBe(200);
    expect(sut1.html).toContain(`data-page="${world.pageId}"`);
    expect(sut1.html).toContain(`@acme (${world.igId})`);
    expect(sut1.html).toContain('Page: ready');
    expect(sut1.html).toContain('Instagram: ready');
    const subscribed = await world.graph.get<{ data: Array<{ id: string; subscribed_fields: string[] }> }>(
      `${world.pageId}/subscribed_apps`,
      { access_token: world.pageToken() },
    );
    expect(subscribed.body.data.find((a) => a.id === world.app.id)?.subscribed_fields).toContain('messages');
    await eventually(() => events().filter((e) => e.change === 'connected').length === 2, 20_000, 'connected events');
    const connected = events().find((e) => e.pageId === world.pageId)!;
    expect(connected).toMatchObject({ tenantId: 'acme', instagramId: world.igId, status: 'active' });
    expect(validateTopicPayload(Topics.tokensConnection, connected).valid).toBe(true);
  });

  it('refreshes a connected Page on a second onboarding instead of duplicating it', async () => {
    const { callbackUrl } = await loginThroughDialog(sut.url, 'acme', { sandbox_user: adminId('admin') });
    expect((await getHtml(callbackUrl)).html).toContain(': refreshed');
    const rows = await query(`SELECT page_id FROM tokens.page_connection WHERE page_id = $1`, [world.pageId]);
    expect(rows).toHaveLength(1);
    await eventually(() => events().some((e) => e.change === 'refreshed' && e.pageId === world.pageId));
  });

  it('leaves a Page connected by another tenant with that tenant', async () => {
    const { callbackUrl } = await loginThroughDialog(sut.url, 'globex', { sandbox_user: adminId('admin') });
    const page = await getHtml(callbackUrl);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`(${world.pageId}): conflict`);
    const [row] = await query(`SELECT tenant_id FROM tokens.page_connection WHERE page_id = $1`, [world.pageId]);
    expect(row.tenant_id).toBe('acme');
  });

  it('flags a Page whose admin lacks MESSAGING, and a declined permission, with what to do', async () => {
    const { callbackUrl } = await loginThroughDialog(sut.url, 'acme', {
      sandbox_user: adminId('editor'),
      sandbox_declined: 'instagram_manage_messages',
    });
    const page = await getHtml(callbackUrl);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(
      /data-check="task.MESSAGING"><strong>FAIL<\/strong> The admin who connected the Page cannot perform MESSAGING/,
    );
    expect(page.html).toMatch(
      /data-check="permission.instagram_manage_messages"><strong>FAIL<\/strong> instagram_manage_messages is declined/,
    );
    expect(page.html).toContain('Run onboarding again and allow instagram_manage_messages');
  });

  it('refuses a forged, a replayed and an expired-code callback', async () => {
    const { callbackUrl } = await loginThroughDialog(sut.url, 'acme', { sandbox_user: adminId('admin') });
    const forged = new URL(callbackUrl);
    const [payload, signature] = forged.searchParams.get('state')!.split('.');
    forged.searchParams.set('state', `${payload.slice(0, -2)}AA.${signature}`);
    expect(await getHtml(forged)).toMatchObject({ status: 400, html: expect.stringContaining('not valid') });

    expect((await getHtml(callbackUrl)).status).toBe(200);
    expect(await getHtml(callbackUrl)).toMatchObject({
      status: 400,
      html: expect.stringContaining('already completed'),
    });

    const late = await loginThroughDialog(sut.url, 'acme', { sandbox_user: adminId('admin') });
    sandbox.clock.advance(11 * 60 * 1000);
    try {
      expect(await getHtml(late.callbackUrl)).toMatchObject({ status: 502, html: expect.stringContaining('expired') });
    } finally {
      sandbox.clock.advance(-11 * 60 * 1000);
    }
  });

  it('shows why when the admin cancels the dialog', async () => {
    const { callbackUrl } = await loginThroughDialog(sut.url, 'acme', { sandbox_user: '999999999' });
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    expect(await getHtml(callbackUrl)).toMatchObject({
      status: 400,
      html: expect.stringContaining('The login did not complete: Permissions error.'),
    });
  });

  it('serves the Pages API per tenant, with diagnostics, and refuses other tenants', async () => {
    const acme = await crmToken('acme');
    const other = await crmToken('globex');
    const list = await api('/v1/pages', acme);
    expect((list.body.data as Array<{ id: string }>).map((p) => p.id).sort()).toEqual([world.pageId, shopId()].sort());
    expect((await api('/v1/pages', other)).body.data).toEqual([]);
    expect((await api(`/v1/pages/${world.pageId}`, other)).status).toBe(404);
    expect((await api(`/v1/pages/${world.pageId}/diagnostics`, other)).status).toBe(404);
    const diagnostics = await api(`/v1/pages/${shopId()}/diagnostics`, acme);
    expect(diagnostics.status).toBe(200);
    expect(diagnostics.body).toMatchObject({ pageId: shopId(), instagram: null });
    const readOnly = await crmToken('acme', ['pages:read']);
    expect((await api(`/v1/pages/${shopId()}/subscription`, readOnly, 'POST')).status).toBe(403);
  });

  it('repairs a subscription Meta dropped, and reports it', async () => {
    await world.graph.delete(`${shopId()}/subscribed_apps`, {
      access_token: world.tokens('admin').pageTokens[shopId()],
    });
    const acme = await crmToken('acme');
    const sut1 = await api(`/v1/pages/${shopId()}/subscription`, acme, 'POST');
    expect(sut1).toMatchObject({ status: 200, body: { repaired: true } });
    await eventually(() => events().some((e) => e.pageId === shopId() && e.reason === 'subscription_repaired'));
  });

  it('reports permissions the admin removed since, on the periodic check', async () => {
    const revoked = await world.graph.delete('me/permissions/pages_read_engagement', {
      access_token: world.userToken('admin'),
    });
    expect(revoked.status).toBe(200);
    await sut.app.get(TokenHealthService).check(shopId());
    await eventually(() => events().some((e) => e.change === 'permissions_changed' && e.pageId === shopId()));
    const changed = events().find((e) => e.change === 'permissions_changed' && e.pageId === shopId())!;
    expect(changed.permissions).not.toContain('pages_read_engagement');
    expect(changed.permissions).toContain('pages_messaging');
  });

  it('gives the internal route the Page token, to internal callers only', async () => {
    const refused = await fetch(`${sut.url}/internal/v1/accounts/${world.igId}/token`);
    expect(refused.status).toBe(401);
    const res = await fetch(`${sut.url}/internal/v1/accounts/${world.igId}/token`, {
      headers: { authorization: `Bearer ${INTERNAL_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { pageId: string; accessToken: string };
    expect(body.pageId).toBe(world.pageId);
    const debug = await world.graph.get<{ data: { is_valid: boolean; profile_id: string } }>('debug_token', {
      input_token: body.accessToken,
      access_token: world.app.appToken,
    });
    expect(debug.body.data).toMatchObject({ is_valid: true, profile_id: world.pageId });
  });

  it('turns error 190 from outbound into an invalid connection at once, and reports it', async () => {
    const failed: OutboundStatusEvent = {
      eventId: randomUUID(),
      messageId: randomUUID(),
      conversationId: `instagram:${world.igId}:1`,
      channel: 'instagram',
      accountId: world.igId,
      status: 'failed',
      metaMessageId: null,
      occurredAt: new Date().toISOString(),
      failure: {
        reason: 'token_invalid',
        detail: 'Error validating access token',
        metaCode: 190,
        metaSubcode: 460,
        fbtraceId: 'Ab1',
      },
    };
    expect(validateTopicPayload(Topics.outboundStatus, failed).valid).toBe(true);
    await sut.app
      .get(EventPublisher)
      .publish(Topics.outboundStatus, [
        { key: failed.conversationId, type: 'parley.messaging.outbound.status.v1', id: failed.eventId, data: failed },
      ]);
    await eventually(
      () => events().some((e) => e.change === 'invalid' && e.pageId === world.pageId),
      30_000,
      'invalid event',
    );
    expect(events().find((e) => e.change === 'invalid')).toMatchObject({
      reason: 'meta_error_190_460',
      status: 'invalid',
      tenantId: 'acme',
    });
    const internal = await fetch(`${sut.url}/internal/v1/accounts/${world.pageId}/token`, {
      headers: { authorization: `Bearer ${INTERNAL_TOKEN}` },
    });
    expect(internal.status).toBe(409);
    const acme = await crmToken('acme');
    expect((await api(`/v1/pages/${world.pageId}`, acme)).body).toMatchObject({
      status: 'invalid',
      statusReason: 'meta_error_190_460',
    });
  });

  it('disconnects the Pages of a user who removed the app (deauthorize callback)', async () => {
    const [granter] = await query(`SELECT granted_by FROM tokens.page_connection WHERE page_id = $1`, [shopId()]);
    const callback: MetaCallbackEvent = {
      callbackId: randomUUID(),
      kind: 'deauthorize',
      appScopedUserId: String(granter.granted_by),
      issuedAt: null,
      receivedAt: new Date().toISOString(),
      confirmationCode: null,
      statusUrl: null,
      payload: { user_id: granter.granted_by },
    };
    await sut.app.get(EventPublisher).publish(Topics.metaCallbackReceived, [
      {
        key: callback.appScopedUserId,
        type: 'parley.meta.callback.received.v1',
        id: callback.callbackId,
        data: callback,
      },
    ]);
    await eventually(
      () => events().some((e) => e.change === 'disconnected' && e.pageId === shopId()),
      30_000,
      'disconnected event',
    );
    expect(events().find((e) => e.change === 'disconnected')).toMatchObject({
      reason: 'deauthorized',
      status: 'disconnected',
    });
  });

  it('reconnects a disconnected Page, and unsubscribes on disconnect by the CRM', async () => {
    const { callbackUrl } = await loginThroughDialog(sut.url, 'acme', { sandbox_user: adminId('admin') });
    expect((await getHtml(callbackUrl)).html).toContain(`(${shopId()}): connected`);
    const acme = await crmToken('acme');
    expect((await api(`/v1/pages/${shopId()}`, acme)).body).toMatchObject({ status: 'active' });
    expect((await api(`/v1/pages/${shopId()}`, await crmToken('globex'), 'DELETE')).status).toBe(404);
    expect((await api(`/v1/pages/${shopId()}`, acme, 'DELETE')).status).toBe(204);
    const subscribed = await world.graph.get<{ data: Array<{ id: string }> }>(`${shopId()}/subscribed_apps`, {
      access_token: world.tokens('admin').pageTokens[shopId()],
    });
    expect(subscribed.body.data.map((a) => a.id)).not.toContain(world.app.id);
    await eventually(() => events().some((e) => e.pageId === shopId() && e.reason === 'disconnected_by_client'));
  });

  it('keeps every Meta token out of the database, the events and the logs', async () => {
    const secrets = world.seed.admins.flatMap((a) =>
      a.tokens.flatMap((t) => [t.userToken, ...Object.values(t.pageTokens)]),
    );
    const issued = await query(`SELECT token FROM meta_sandbox.access_token`, [], sandboxDb.url);
    const all = [...secrets, ...issued.map((r) => String(r.token))].filter((t) => t.length > 20);
    expect(all.length).toBeGreaterThan(0);
    const dump = JSON.stringify(
      await query(
        `SELECT to_jsonb(t) AS row FROM tokens.page_connection t UNION ALL SELECT to_jsonb(c) FROM tokens.crm_client c UNION ALL SELECT to_jsonb(k) FROM tokens.signing_key k`,
      ),
    );
    const eventsText = reader.records.map((r) => r.value.toString()).join('\n');
    const logText = sut.logs.lines.join('\n');
    for (const token of all) {
      expect(dump).not.toContain(token);
      expect(eventsText).not.toContain(token);
      expect(logText).not.toContain(token);
    }
  });

  async function query(
    sql: string,
    params: unknown[] = [],
    url = tokensDb.url,
  ): Promise<Array<Record<string, unknown>>> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  }
});
