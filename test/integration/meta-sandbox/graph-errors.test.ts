import { appSecretProof } from '../../../apps/meta-sandbox/src/webhooks/signature';
import { Json, str } from './support/graph-client';
import { expectMetaError } from './support/meta-error';
import { freshDatabase, SandboxUnderTest, startSandbox } from './support/sandbox';
import { standardSeed, World } from './support/world';

jest.setTimeout(30_000);

const HOUR = 60 * 60 * 1000;

describe('Graph API errors as Meta answers them (meta-platform.md §6)', () => {
  let sandbox: SandboxUnderTest;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    const db = await freshDatabase('sandbox_errors');
    drop = db.drop;
    sandbox = await startSandbox({ databaseUrl: db.url });
  });

  beforeEach(async () => {
    world = await World.create(sandbox.url, standardSeed(undefined, { people: [{ key: 'ana' }, { key: 'ben' }] }));
  });

  afterAll(async () => {
    await sandbox?.close();
    await drop?.();
  });

  const send = (
    message: Record<string, unknown>,
    extra: Record<string, unknown> = {},
    path = 'me/messages',
    recipient = world.psid(),
  ) =>
    world.graph.post(
      path,
      { recipient: { id: recipient }, messaging_type: 'RESPONSE', message, ...extra },
      { access_token: world.pageToken() },
    );

  describe('access tokens (190)', () => {
    it('asks for a token when there is none (104)', async () => {
      expectMetaError(await world.graph.post('1/messages', {}), { status: 400, code: 104 });
    });

    it('rejects a token it cannot parse', async () => {
      expectMetaError(await world.sendText('x', world.psid(), 'me/messages', 'EAAnonsense'), {
        status: 400,
        code: 190,
        message: 'Invalid OAuth access token - Cannot parse access token',
      });
    });

    it('rejects an expired token with 463', async () => {
      await world.sandbox('POST', 'tokens/expire', { token: world.pageToken() });
      await world.says('hi');

      const sut = await world.sendText('x');

      expectMetaError(sut, {
        status: 400,
        code: 190,
        subcode: 463,
        message: /^Error validating access token: Session has expired on/,
      });
      expect(sut.headers.get('www-authenticate')).toMatch(/^OAuth "Facebook Platform" "invalid_token"/);
    });

    it.each([
      ['password_changed', 460],
      ['logged_out', 467],
      ['session_invalid', 492],
    ])('rejects every token of a user after %s with %i', async (reason, subcode) => {
      await world.sandbox('POST', `users/${world.seed.admins[0].id}/invalidate-sessions`, { reason });

      expectMetaError(await world.sendText('x'), { status: 400, code: 190, subcode });
      expectMetaError(await world.graph.get('me/accounts', { access_token: world.userToken() }), {
        status: 400,
        code: 190,
        subcode,
      });
    });

    it('rejects Page tokens once the user lost the Page role (492)', async () => {
      await world.sandbox('PUT', `users/${world.seed.admins[0].id}/pages/${world.pageId}/tasks`, { tasks: [] });

      expectMetaError(await world.sendText('x'), { status: 400, code: 190, subcode: 492 });
    });

    it('rejects tokens after the user removed the app (458)', async () => {
      await world.graph.delete('me/permissions', { access_token: world.userToken() });

      expectMetaError(await world.sendText('x'), { status: 400, code: 190, subcode: 458 });
    });

    it('wants a Page token on Page edges (210) and the right Page (100/33)', async () => {
      await world.says('hi');
      const other = await World.create(sandbox.url, standardSeed(undefined));

      expectMetaError(await world.sendText('x', world.psid(), 'me/messages', world.userToken()), {
        status: 400,
        code: 100,
        subcode: 33,
        type: 'GraphMethodException',
      });
      expectMetaError(await world.sendText('x', world.psid(), `${world.pageId}/messages`, world.userToken()), {
        status: 400,
        code: 210,
      });
      expectMetaError(await world.sendText('x', world.psid(), `${world.pageId}/messages`, other.pageToken()), {
        status: 400,
        code: 100,
        subcode: 33,
        type: 'GraphMethodException',
      });
    });
  });

  describe('appsecret_proof (§8.7)', () => {
    beforeEach(async () => {
      await world.sandbox('PATCH', `apps/${world.app.id}`, { requireAppsecretProof: true });
      await world.says('hi');
    });

    const withProof = (proof?: string) =>
      world.graph.post(
        'me/messages',
        { recipient: { id: world.psid() }, messaging_type: 'RESPONSE', message: { text: 'x' } },
        { access_token: world.pageToken(), ...(proof !== undefined && { appsecret_proof: proof }) },
      );

    it('requires it when the app requires it', async () => {
      expectMetaError(await withProof(), {
        status: 400,
        code: 100,
        type: 'GraphMethodException',
        message: 'API calls from the server require an appsecret_proof argument',
      });
    });

    it('rejects a wrong one', async () => {
      expectMetaError(await withProof(appSecretProof(world.pageToken(), 'not-the-secret')), {
        status: 400,
        code: 100,
        type: 'GraphMethodException',
        message: 'Invalid appsecret_proof provided in the API argument',
      });
    });

    it('accepts the right one', async () => {
      expect((await withProof(appSecretProof(world.pageToken(), world.app.secret))).status).toBe(200);
    });
  });

  describe('permissions and tasks', () => {
    it('answers 200 for a missing permission and 10 for a missing task', async () => {
      const limited = await World.create(
        sandbox.url,
        standardSeed(undefined, {
          admins: [
            { key: 'noperm', permissions: ['pages_show_list', 'pages_manage_metadata'] },
            { key: 'analyst', roles: [{ page: 'page', tasks: ['ANALYZE'] }] },
          ],
        }),
      );
      await limited.says('hi');

      expectMetaError(await limited.sendText('x', limited.psid(), 'me/messages', limited.pageToken('noperm')), {
        status: 403,
        code: 200,
        message: '(#200) Requires pages_messaging permission to manage the object',
      });
      expectMetaError(await limited.sendText('x', limited.psid(), 'me/messages', limited.pageToken('analyst')), {
        status: 403,
        code: 10,
      });
      expectMetaError(
        await limited.graph.post('me/subscribed_apps', undefined, {
          subscribed_fields: 'messages',
          access_token: limited.pageToken('analyst'),
        }),
        { status: 403, code: 10 },
      );
    });

    it('wants instagram_manage_messages for Instagram sends', async () => {
      const limited = await World.create(
        sandbox.url,
        standardSeed(undefined, { admins: [{ key: 'admin', declined: ['instagram_manage_messages'] }] }),
      );
      await limited.says('oi', limited.igId);

      expectMetaError(await limited.sendText('x', limited.igsid(), `${limited.igId}/messages`), {
        status: 403,
        code: 200,
        message: /instagram_manage_messages/,
      });
    });
  });

  describe('messaging window and tags (§5)', () => {
    it('refuses outside the 24 h window: 10/2018278 on Messenger, 10/2534022 on Instagram', async () => {
      const old = Date.now() - 25 * HOUR;
      await world.says('long ago', world.pageId, 'ana', { timestamp: old });
      await world.says('long ago', world.igId, 'ana', { timestamp: old });

      expectMetaError(await world.sendText('late'), { status: 400, code: 10, subcode: 2018278 });
      expectMetaError(await world.sendText('late', world.igsid(), `${world.igId}/messages`), {
        status: 400,
        code: 10,
        subcode: 2534022,
      });
    });

    it('refuses a person who never wrote', async () => {
      expectMetaError(await world.sendText('cold', world.psid('ben')), { status: 400, code: 10, subcode: 2018278 });
    });

    it('allows HUMAN_AGENT for 7 days, then refuses; refuses it without the feature', async () => {
      await world.says('help', world.pageId, 'ana', { timestamp: Date.now() - 3 * 24 * HOUR });
      await world.says('help', world.pageId, 'ben', { timestamp: Date.now() - 8 * 24 * HOUR });
      const tagged = (recipient: string) =>
        world.graph.post(
          'me/messages',
          {
            recipient: { id: recipient },
            messaging_type: 'MESSAGE_TAG',
            tag: 'HUMAN_AGENT',
            message: { text: 'Maria here' },
          },
          { access_token: world.pageToken() },
        );

      expect((await tagged(world.psid())).status).toBe(200);
      expectMetaError(await tagged(world.psid('ben')), { status: 400, code: 10, subcode: 2018278 });
      await world.sandbox('PATCH', `apps/${world.app.id}`, { humanAgentApproved: false });
      expectMetaError(await tagged(world.psid()), { status: 403, code: 200 });
    });

    it('reopens the window on a referral', async () => {
      await world.says('long ago', world.pageId, 'ana', { timestamp: Date.now() - 25 * HOUR });
      await world.act('referrals', { account: world.pageId, referral: { ref: 'promo', source: 'SHORTLINK' } });

      expect((await world.sendText('welcome back')).status).toBe(200);
    });

    it.each(['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE'])(
      'refuses the retired tag %s with 100',
      async (tag) => {
        await world.says('hi');

        expectMetaError(await send({ text: 'x' }, { messaging_type: 'MESSAGE_TAG', tag }), {
          status: 400,
          code: 100,
          message: /retired/,
        });
      },
    );

    it('refuses a tag without MESSAGE_TAG and CUSTOMER_FEEDBACK on Instagram', async () => {
      await world.says('hi');
      await world.says('oi', world.igId);

      expectMetaError(await send({ text: 'x' }, { tag: 'HUMAN_AGENT' }), { status: 400, code: 100 });
      expectMetaError(
        await send(
          { text: 'x' },
          { messaging_type: 'MESSAGE_TAG', tag: 'CUSTOMER_FEEDBACK' },
          `${world.igId}/messages`,
          world.igsid(),
        ),
        { status: 400, code: 100 },
      );
    });
  });

  describe('recipients', () => {
    it('answers 100/2018001 for an unknown PSID and 100/2534014 for an unknown IGSID', async () => {
      expectMetaError(await world.sendText('x', '1234567890123456'), {
        status: 400,
        code: 100,
        subcode: 2018001,
        message: '(#100) No matching user found',
      });
      expectMetaError(await world.sendText('x', '1234567890123456', `${world.igId}/messages`), {
        status: 400,
        code: 100,
        subcode: 2534014,
      });
    });

    it('answers 100/2018001 for a PSID of another Page', async () => {
      const other = await World.create(sandbox.url, standardSeed(undefined));

      expectMetaError(await world.sendText('x', other.psid()), { status: 400, code: 100, subcode: 2018001 });
    });

    it('answers 551 when the person is not available', async () => {
      await world.says('hi');
      await world.sandbox('PATCH', `people/${world.person().id}`, { available: false });

      expectMetaError(await world.sendText('x'), {
        status: 400,
        code: 551,
        subcode: 1545041,
        message: "(#551) This person isn't available right now.",
      });
    });
  });

  describe('message content (§4.2)', () => {
    beforeEach(async () => {
      await world.says('hi');
      await world.says('oi', world.igId);
    });

    it('limits text to 2000 characters on Messenger and 1000 bytes on Instagram', async () => {
      expect((await send({ text: 'é'.repeat(2000) })).status).toBe(200);
      expectMetaError(await send({ text: 'a'.repeat(2001) }), {
        status: 400,
        code: 100,
        message: '(#100) Length of param message[text] must be less than or equal to 2000',
      });
      expectMetaError(await send({ text: 'é'.repeat(501) }, {}, `${world.igId}/messages`, world.igsid()), {
        status: 400,
        code: 100,
      });
    });

    it('limits quick replies to 13, and refuses phone/email quick replies on Instagram', async () => {
      const replies = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ content_type: 'text', title: `Option ${i}`, payload: `P${i}` }));

      expect((await send({ text: 'pick', quick_replies: replies(13) })).status).toBe(200);
      expectMetaError(await send({ text: 'pick', quick_replies: replies(14) }), { status: 400, code: 100 });
      expectMetaError(
        await send(
          { text: 'phone?', quick_replies: [{ content_type: 'user_phone_number' }] },
          {},
          `${world.igId}/messages`,
          world.igsid(),
        ),
        { status: 400, code: 100 },
      );
    });

    it('refuses bad attachments', async () => {
      expectMetaError(await send({ attachment: { type: 'image', payload: { url: 'not a url' } } }), {
        status: 400,
        code: 100,
        subcode: 2018008,
      });
      expectMetaError(await send({ attachment: { type: 'image', payload: { attachment_id: '999' } } }), {
        status: 400,
        code: 100,
        subcode: 2018047,
      });
      expectMetaError(await send({ attachment: { type: 'hologram', payload: { url: 'https://a.example/x' } } }), {
        status: 400,
        code: 100,
      });
      expectMetaError(await send({}), { status: 400, code: 100, subcode: 2018034 });
    });

    it('refuses an attachment id of another Page', async () => {
      const other = await World.create(sandbox.url, standardSeed(undefined));
      const upload = await other.graph.post<Json>(
        'me/message_attachments',
        { message: { attachment: { type: 'image', payload: { url: 'https://a.example/x.png' } } } },
        { access_token: other.pageToken() },
      );

      expectMetaError(
        await send({ attachment: { type: 'image', payload: { attachment_id: str(upload.body.attachment_id) } } }),
        { status: 400, code: 100, subcode: 2018047 },
      );
    });

    it('refuses an Instagram image upload over 8 MB (2018109)', async () => {
      const form = new FormData();
      form.set('message', JSON.stringify({ attachment: { type: 'image', payload: { is_reusable: true } } }));
      form.set('filedata', new Blob([Buffer.alloc(8 * 1024 * 1024 + 1)], { type: 'image/jpeg' }), 'big.jpg');
      const answer = await fetch(
        world.graph.url(`${world.igId}/message_attachments`, { access_token: world.pageToken() }),
        { method: 'POST', body: form },
      );

      expectMetaError(
        { status: answer.status, headers: answer.headers, body: await answer.json() },
        { status: 400, code: 100, subcode: 2018109 },
      );
    });
  });

  describe('other Graph errors', () => {
    it('answers 2500 for unknown paths', async () => {
      expectMetaError(await world.graph.get(`${world.pageId}/nonsense`, { access_token: world.pageToken() }), {
        status: 400,
        code: 2500,
      });
    });

    it('answers 100/33 for objects that do not exist', async () => {
      expectMetaError(await world.graph.get('424242424242', { access_token: world.pageToken() }), {
        status: 400,
        code: 100,
        subcode: 33,
        type: 'GraphMethodException',
      });
    });

    it('answers 230 for a profile before the person wrote', async () => {
      expectMetaError(await world.graph.get(world.psid('ben'), { access_token: world.pageToken() }), {
        status: 400,
        code: 230,
      });
    });

    it('answers 100 for an unknown field', async () => {
      expectMetaError(
        await world.graph.get(world.pageId, { fields: 'name,secret_sauce', access_token: world.pageToken() }),
        { status: 400, code: 100 },
      );
    });

    it('refuses a reused code (36009) and a different redirect_uri (36008)', async () => {
      const redirect = 'https://parley.example/cb';
      const dialog = await fetch(
        `${sandbox.url}/dialog/oauth?client_id=${world.app.id}&redirect_uri=${encodeURIComponent(redirect)}`,
        { redirect: 'manual' },
      );
      const code = new URL(dialog.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const exchange = (redirectUri: string) =>
        world.graph.get('oauth/access_token', {
          client_id: world.app.id,
          client_secret: world.app.secret,
          redirect_uri: redirectUri,
          code,
        });

      expectMetaError(await exchange('https://evil.example/cb'), { status: 400, code: 100, subcode: 36008 });
      expect((await exchange(redirect)).status).toBe(200);
      expectMetaError(await exchange(redirect), { status: 400, code: 100, subcode: 36009 });
      expectMetaError(
        await world.graph.get('oauth/access_token', {
          client_id: world.app.id,
          client_secret: 'wrong',
          redirect_uri: redirect,
          code,
        }),
        { status: 400, code: 1 },
      );
    });
  });
});
