import { Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { appUserErasureRequest, createTestDatabase, erasureRequest, TestDatabase } from '@app/testing';
import { Client } from 'pg';
import { NOTHING_KEPT_FOR_PEOPLE, PAGES_STAY_CONNECTED } from '../../../apps/tokens/src/erasure/tokens-eraser';
import { eventually, TopicReader } from '../gateway/support/topic-reader';
import { testBrokers, uniquePrefix } from '../kafka/support';
import { freshDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import { publishErasure, reportsOf } from '../support/erasure';
import {
  getHtml,
  INTERNAL_TOKEN,
  loginThroughDialog,
  startTokens,
  tokensConfig,
  TokensUnderTest,
} from './support/tokens-app';

jest.setTimeout(60_000);

interface ConnectionRow {
  page_id: string;
  granted_by: string | null;
  has_user_token: boolean;
  has_page_token: boolean;
  status: string;
}

// Two admins of one business each connected a Page; Meta asks to delete one admin's data.
describe('tokens carries out erasures', () => {
  let sandboxDb: { url: string; drop(): Promise<void> };
  let tokensDb: TestDatabase;
  let sandbox: SandboxUnderTest;
  let world: World;
  let sut: TokensUnderTest;
  let reader: TopicReader;
  const prefix = uniquePrefix('tokens-erasure');

  beforeAll(async () => {
    sandboxDb = await freshDatabase('tokens_erasure_sandbox');
    tokensDb = await createTestDatabase('tokens_erasure');
    sandbox = await startSandbox({ databaseUrl: sandboxDb.url });
    world = await World.create(
      sandbox.url,
      standardSeed(undefined, {
        pages: [
          { key: 'page', name: 'Acme', instagram: { username: 'acme' } },
          { key: 'shop', name: 'Acme Shop' },
        ],
        admins: [
          { key: 'dana', name: 'Dana Admin', roles: [{ page: 'page' }] },
          { key: 'eli', name: 'Eli Admin', roles: [{ page: 'shop' }] },
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
    reader = new TopicReader(testBrokers(), [`${prefix}${Topics.privacyErasureProgress}`]);
    await reader.start();
    for (const admin of ['dana', 'eli']) {
      const { callbackUrl } = await loginThroughDialog(sut.url, 'acme', { sandbox_user: adminId(admin) });
      expect((await getHtml(callbackUrl)).html).toContain(': connected');
    }
  });

  afterAll(async () => {
    await reader?.stop();
    await sut?.close();
    await sandbox?.close();
    await tokensDb?.drop();
    await sandboxDb?.drop();
  });

  const adminId = (key: string) => world.seed.admins.find((a) => a.key === key)!.id;
  const shopId = () => world.seed.pages[1].id;

  async function connections(): Promise<ConnectionRow[]> {
    const client = new Client({ connectionString: tokensDb.url });
    await client.connect();
    try {
      const result = await client.query<ConnectionRow>(
        `SELECT page_id, granted_by, user_token_ciphertext IS NOT NULL AS has_user_token,
           page_token_ciphertext IS NOT NULL AS has_page_token, status
         FROM tokens.page_connection ORDER BY page_id`,
      );
      return result.rows;
    } finally {
      await client.end();
    }
  }
  const row = async (pageId: string) => (await connections()).find((c) => c.page_id === pageId)!;

  it("removes the user's id and user token from the Pages they connected, keeps the Pages connected", async () => {
    expect(await row(world.pageId)).toMatchObject({ granted_by: adminId('dana'), has_user_token: true });
    const request = appUserErasureRequest(adminId('dana'));

    await publishErasure(sut.app.get(EventPublisher), request);

    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'tokens').length === 1, 30_000, 'report');
    expect(reportsOf(reader, prefix, request.erasureId, 'tokens')).toEqual([
      expect.objectContaining({
        key: request.erasureId,
        status: 'done',
        deletedRecords: 1,
        detail: PAGES_STAY_CONNECTED,
      }),
    ]);
    expect(await row(world.pageId)).toEqual({
      page_id: world.pageId,
      granted_by: null,
      has_user_token: false,
      has_page_token: true,
      status: 'active',
    });
    expect(await row(shopId())).toEqual({
      page_id: shopId(),
      granted_by: adminId('eli'),
      has_user_token: true,
      has_page_token: true,
      status: 'active',
    });
    const pageToken = await fetch(`${sut.url}/internal/v1/accounts/${world.pageId}/token`, {
      headers: { authorization: `Bearer ${INTERNAL_TOKEN}` },
    });
    expect(pageToken.status).toBe(200);
  });

  it('reports a redelivered request again, having nothing more to remove', async () => {
    const request = appUserErasureRequest(adminId('dana'));
    await publishErasure(sut.app.get(EventPublisher), request);
    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'tokens').length === 1, 30_000, 'first');
    const before = await connections();

    await publishErasure(sut.app.get(EventPublisher), request);

    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'tokens').length === 2, 30_000, 'second');
    expect(reportsOf(reader, prefix, request.erasureId, 'tokens')[1]).toMatchObject({
      status: 'done',
      deletedRecords: 0,
    });
    expect(await connections()).toEqual(before);
  });

  it('keeps nothing about a person who messaged a Page, and says so', async () => {
    const before = await connections();
    const request = erasureRequest({ accountId: world.pageId, personId: world.psid() });

    await publishErasure(sut.app.get(EventPublisher), request);

    await eventually(() => reportsOf(reader, prefix, request.erasureId, 'tokens').length === 1, 30_000, 'report');
    expect(reportsOf(reader, prefix, request.erasureId, 'tokens')[0]).toMatchObject({
      status: 'done',
      deletedRecords: 0,
      detail: NOTHING_KEPT_FOR_PEOPLE,
    });
    expect(await connections()).toEqual(before);
  });
});
