import { createHmac } from 'node:crypto';
import { DocExamples } from './support/doc-examples';
import { arr, http, Json, num, str } from './support/graph-client';
import { shapeOf } from './support/json-shape';
import { eventually, WebhookReceiver } from './support/receiver';
import { freshDatabase, SandboxUnderTest, startSandbox } from './support/sandbox';
import { standardSeed, World } from './support/world';

jest.setTimeout(30_000);

describe('Graph API routes against meta-platform.md (real HTTP and PostgreSQL)', () => {
  let sandbox: SandboxUnderTest;
  let receiver: WebhookReceiver;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    const db = await freshDatabase('sandbox_contract');
    drop = db.drop;
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({ databaseUrl: db.url, limits: { conversations: { limit: 1000, windowMs: 1000 } } });
  });

  beforeEach(async () => {
    receiver.clear();
    world = await World.create(
      sandbox.url,
      standardSeed(receiver.url, {
        people: [
          { key: 'ana', name: 'Ana Souza', username: 'ana.souza' },
          { key: 'ben', name: 'Ben Carter' },
        ],
      }),
    );
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.stop();
    await drop?.();
  });

  describe('Facebook Login for Business (§8.1)', () => {
    const redirectUri = 'https://parley.example/onboarding/callback';

    async function loginCode(): Promise<string> {
      const dialog = await fetch(
        `${sandbox.url}/v25.0/dialog/oauth?client_id=${world.app.id}&redirect_uri=${encodeURIComponent(redirectUri)}&state=csrf-1&response_type=code&config_id=42`,
        { redirect: 'manual' },
      );
      expect(dialog.status).toBe(302);
      const location = new URL(dialog.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect(location.searchParams.get('state')).toBe('csrf-1');
      expect(location.hash).toBe('#_=_');
      return location.searchParams.get('code') ?? '';
    }

    it('exchanges the code for a short-lived token, then for a long-lived one, then lists Pages with tokens, tasks and Instagram', async () => {
      const code = await loginCode();
      const short = await world.graph.get('oauth/access_token', {
        client_id: world.app.id,
        client_secret: world.app.secret,
        redirect_uri: redirectUri,
        code,
      });
      expect(short.status).toBe(200);
      expect(shapeOf(short.body)).toEqual(shapeOf(DocExamples.accessToken));
      expect(short.body.expires_in).toBeLessThanOrEqual(2 * 60 * 60);

      const long = await world.graph.get<Json>('oauth/access_token', {
        grant_type: 'fb_exchange_token',
        client_id: world.app.id,
        client_secret: world.app.secret,
        fb_exchange_token: String(short.body.access_token),
      });
      expect(shapeOf(long.body)).toEqual(shapeOf(DocExamples.accessToken));
      expect(long.body.expires_in).toBeGreaterThan(5_180_000);
      expect(long.body.expires_in).toBeLessThanOrEqual(5_183_944);

      const accounts = await world.graph.get<Json>('me/accounts', {
        access_token: str(long.body.access_token),
        fields: 'id,name,access_token,tasks,instagram_business_account{id,username}',
      });
      expect(accounts.status).toBe(200);
      expect(shapeOf(accounts.body)).toEqual(shapeOf(DocExamples.meAccounts));
      expect(accounts.body.data[0]).toMatchObject({
        id: world.pageId,
        name: 'Acme',
        instagram_business_account: { id: world.igId, username: 'acme' },
      });
      expect(accounts.body.data[0].tasks).toEqual(expect.arrayContaining(['MESSAGING', 'MODERATE', 'MANAGE']));

      const again = await world.graph.get<Json>('me/accounts', {
        access_token: str(long.body.access_token),
        fields: 'access_token',
      });
      expect(again.body.data[0].access_token).toBe(accounts.body.data[0].access_token);
      const debug = await world.graph.get<Json>('debug_token', {
        input_token: str(accounts.body.data[0].access_token),
        access_token: world.app.appToken,
      });
      expect(debug.body.data).toMatchObject({
        type: 'PAGE',
        expires_at: 0,
        is_valid: true,
        profile_id: world.pageId,
        app_id: world.app.id,
      });
    });

    it('gives a Page token from a short-lived user token an expiry of about an hour', async () => {
      const code = await loginCode();
      const short = await world.graph.get<Json>('oauth/access_token', {
        client_id: world.app.id,
        client_secret: world.app.secret,
        redirect_uri: redirectUri,
        code,
      });
      const accounts = await world.graph.get<Json>('me/accounts', { access_token: str(short.body.access_token) });
      const debug = await world.graph.get<Json>('debug_token', {
        input_token: str(accounts.body.data[0].access_token),
        access_token: world.app.appToken,
      });

      expect(num(debug.body.data.expires_at) - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
      expect(num(debug.body.data.expires_at) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(3600);
    });

    it('issues the app token with client_credentials', async () => {
      const sut = await world.graph.get('oauth/access_token', {
        grant_type: 'client_credentials',
        client_id: world.app.id,
        client_secret: world.app.secret,
      });

      expect(sut.body).toEqual({ access_token: `${world.app.id}|${world.app.secret}`, token_type: 'bearer' });
    });
  });

  describe('tokens and permissions (§8.2, §8.3, §8.8)', () => {
    it('debug_token describes a Page token like the documented example', async () => {
      const sut = await world.graph.get<Json>('debug_token', {
        input_token: world.pageToken(),
        access_token: world.app.appToken,
      });

      expect(shapeOf(sut.body)).toEqual(shapeOf(DocExamples.debugToken));
      expect(sut.body.data.scopes).toEqual(expect.arrayContaining(['pages_messaging', 'instagram_manage_messages']));
    });

    it('debug_token reports an invalid token with its 190 subcode', async () => {
      await world.sandbox('POST', `users/${world.seed.admins[0].id}/invalidate-sessions`, {
        reason: 'password_changed',
      });

      const sut = await world.graph.get<Json>('debug_token', {
        input_token: world.userToken(),
        access_token: world.app.appToken,
      });

      expect(sut.body.data).toMatchObject({ is_valid: false, type: 'USER', error: { code: 190, subcode: 460 } });
    });

    it('lists and revokes permissions', async () => {
      const list = await world.graph.get<Json>('me/permissions', { access_token: world.userToken() });
      expect(shapeOf(list.body)).toEqual(shapeOf(DocExamples.mePermissions));
      expect(list.body.data).toContainEqual({ permission: 'pages_messaging', status: 'granted' });

      const revoke = await world.graph.delete('me/permissions/pages_messaging', { access_token: world.userToken() });
      expect(revoke.body).toEqual({ success: true });
      const after = await world.graph.get<Json>('me/permissions', { access_token: world.userToken() });
      expect(after.body.data).toContainEqual({ permission: 'pages_messaging', status: 'declined' });
      const send = await world.sendText('hi');
      expect(send.body).toMatchObject({ error: { code: 200 } });
    });

    it('reads the Page with its linked Instagram account', async () => {
      const sut = await world.graph.get<Json>(world.pageId, {
        fields: 'instagram_business_account',
        access_token: world.pageToken(),
      });

      expect(shapeOf(sut.body)).toEqual(shapeOf(DocExamples.pageInstagram));
      expect(sut.body).toEqual({ instagram_business_account: { id: world.igId }, id: world.pageId });
    });

    it('returns the Page token through the user token', async () => {
      const sut = await world.graph.get<Json>(world.pageId, {
        fields: 'access_token,name',
        access_token: world.userToken(),
      });

      expect(sut.body).toEqual({ access_token: world.pageToken(), name: 'Acme', id: world.pageId });
    });
  });

  describe('subscribed_apps (§3)', () => {
    it('replaces, lists and removes the app’s subscription', async () => {
      const fields = 'messages,message_echoes,messaging_postbacks,messaging_referral,standby';
      const post = await world.graph.post('me/subscribed_apps', undefined, {
        subscribed_fields: fields,
        access_token: world.pageToken(),
      });
      expect(post.status).toBe(200);
      expect(post.body).toEqual(DocExamples.subscribedAppsPost);

      const list = await world.graph.get<Json>(`${world.pageId}/subscribed_apps`, { access_token: world.pageToken() });
      expect(shapeOf(list.body)).toEqual(shapeOf(DocExamples.subscribedAppsGet));
      expect(list.body.data).toEqual([
        expect.objectContaining({ id: world.app.id, subscribed_fields: fields.split(',') }),
      ]);

      const del = await world.graph.delete(`${world.pageId}/subscribed_apps`, { access_token: world.pageToken() });
      expect(del.body).toEqual({ success: true });
      expect(
        (await world.graph.get<Json>(`${world.pageId}/subscribed_apps`, { access_token: world.pageToken() })).body.data,
      ).toEqual([]);
    });
  });

  describe('Send API (§4)', () => {
    beforeEach(async () => {
      await world.says('hello');
      await world.says('oi', world.igId);
    });

    it('answers a text send with recipient_id and message_id, and stores what the person got', async () => {
      const sut = await world.sendText('Hi Ana');

      expect(sut.status).toBe(200);
      expect(shapeOf(sut.body)).toEqual(shapeOf(DocExamples.sendResponse));
      expect(sut.body.recipient_id).toBe(world.psid());
      const sent = await world.sandbox<Json>(
        'GET',
        `people/${world.person().id}/messages?direction=outbound&account=${world.pageId}`,
      );
      expect(sent.body.threads[0].messages).toEqual([
        expect.objectContaining({
          mid: sut.body.message_id,
          text: 'Hi Ana',
          messagingType: 'RESPONSE',
          appId: world.app.id,
        }),
      ]);
    });

    it('sends every message type on Messenger', async () => {
      const messages: Array<Record<string, unknown>> = [
        {
          text: 'pick one',
          quick_replies: [{ content_type: 'text', title: 'Red', payload: 'RED' }, { content_type: 'user_email' }],
        },
        { attachment: { type: 'image', payload: { url: 'https://cdn.example.com/a.jpg' } } },
        { attachment: { type: 'video', payload: { url: 'https://cdn.example.com/a.mp4' } } },
        { attachment: { type: 'audio', payload: { url: 'https://cdn.example.com/a.mp3' } } },
        { attachment: { type: 'file', payload: { url: 'https://cdn.example.com/a.pdf' } } },
        {
          attachments: [
            { type: 'image', payload: { url: 'https://cdn.example.com/1.jpg' } },
            { type: 'image', payload: { url: 'https://cdn.example.com/2.jpg' } },
          ],
        },
        { sticker_id: '369239263222822' },
        {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'generic',
              elements: [
                {
                  title: 'Shoe',
                  subtitle: 'Red',
                  image_url: 'https://cdn.example.com/s.jpg',
                  buttons: [{ type: 'postback', title: 'Buy', payload: 'BUY' }],
                },
              ],
            },
          },
        },
        {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'button',
              text: 'Need help?',
              buttons: [
                { type: 'web_url', url: 'https://parley.example', title: 'Open' },
                { type: 'phone_number', title: 'Call', payload: '+15550100' },
              ],
            },
          },
        },
        {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'media',
              elements: [
                {
                  media_type: 'image',
                  url: 'https://www.facebook.com/photo.php?fbid=1',
                  buttons: [{ type: 'web_url', url: 'https://parley.example', title: 'More' }],
                },
              ],
            },
          },
        },
      ];
      for (const message of messages) {
        const sut = await world.graph.post<Json>(
          'me/messages',
          { recipient: { id: world.psid() }, messaging_type: 'UPDATE', message },
          { access_token: world.pageToken() },
        );
        expect({ message, status: sut.status, body: sut.body }).toEqual({
          message,
          status: 200,
          body: { recipient_id: world.psid(), message_id: expect.stringMatching(/^m_/) },
        });
      }
    });

    it('sends on Instagram through /{ig-id}/messages with reply_to, like_heart, and a reaction', async () => {
      const [inbound] = arr(
        (await world.sandbox<Json>('GET', `people/${world.person().id}/messages?account=${world.igId}`)).body.threads[0]
          .messages,
      );
      const reply = await world.graph.post<Json>(
        `${world.igId}/messages`,
        { recipient: { id: world.igsid() }, message: { text: 'yes!' }, reply_to: { mid: inbound.mid } },
        { access_token: world.pageToken() },
      );
      expect(reply.body).toEqual({ recipient_id: world.igsid(), message_id: expect.stringMatching(/^aWdf/) });

      const heart = await world.graph.post<Json>(
        `${world.igId}/messages`,
        { recipient: { id: world.igsid() }, message: { attachment: { type: 'like_heart' } } },
        { access_token: world.pageToken() },
      );
      expect(heart.status).toBe(200);

      const react = await world.graph.post<Json>(
        `${world.igId}/messages`,
        {
          recipient: { id: world.igsid() },
          sender_action: 'react',
          payload: { message_id: inbound.mid, reaction: 'love' },
        },
        { access_token: world.pageToken() },
      );
      expect(react.body).toEqual({ recipient_id: world.igsid() });
      const thread = (await world.sandbox<Json>('GET', `people/${world.person().id}/messages?account=${world.igId}`))
        .body.threads[0];
      expect(arr(thread.messages).find((m: Json) => m.mid === inbound.mid)?.reactions).toEqual({
        page: { reaction: 'love' },
      });
      expect(arr(thread.messages).find((m: Json) => m.mid === reply.body.message_id)?.replyTo).toBe(inbound.mid);
    });

    it('also sends to an IGSID through the Page path', async () => {
      const sut = await world.sendText('via page', world.igsid(), `${world.pageId}/messages`);

      expect(sut.body).toEqual({ recipient_id: world.igsid(), message_id: expect.stringMatching(/^aWdf/) });
    });

    it('answers sender actions with recipient_id only and records them', async () => {
      for (const action of ['typing_on', 'typing_off', 'mark_seen']) {
        const sut = await world.graph.post<Json>(
          'me/messages',
          { recipient: { id: world.psid() }, sender_action: action },
          { access_token: world.pageToken() },
        );
        expect(shapeOf(sut.body)).toEqual(shapeOf(DocExamples.senderActionResponse));
      }
      const actions = await world.sandbox<Json>('GET', `people/${world.person().id}/sender-actions`);
      expect(arr(actions.body.data).map((a: Json) => a.action)).toEqual(['typing_on', 'typing_off', 'mark_seen']);
    });

    it('uploads an attachment by URL and reuses its id; is_reusable returns one too', async () => {
      const upload = await world.graph.post<Json>(
        'me/message_attachments',
        {
          message: {
            attachment: { type: 'image', payload: { url: 'https://cdn.example.com/logo.png', is_reusable: true } },
          },
        },
        { access_token: world.pageToken() },
      );
      expect(shapeOf(upload.body)).toEqual(shapeOf(DocExamples.attachmentUpload));

      const reuse = await world.graph.post<Json>(
        'me/messages',
        {
          recipient: { id: world.psid() },
          messaging_type: 'RESPONSE',
          message: { attachment: { type: 'image', payload: { attachment_id: upload.body.attachment_id } } },
        },
        { access_token: world.pageToken() },
      );
      expect(reuse.status).toBe(200);

      const reusable = await world.graph.post<Json>(
        'me/messages',
        {
          recipient: { id: world.psid() },
          messaging_type: 'RESPONSE',
          message: {
            attachment: { type: 'file', payload: { url: 'https://cdn.example.com/terms.pdf', is_reusable: true } },
          },
        },
        { access_token: world.pageToken() },
      );
      expect(reusable.body).toEqual({
        recipient_id: world.psid(),
        message_id: expect.any(String),
        attachment_id: expect.stringMatching(/^\d+$/),
      });
    });

    it('uploads a file as multipart filedata and serves its bytes', async () => {
      const form = new FormData();
      form.set('message', JSON.stringify({ attachment: { type: 'image', payload: { is_reusable: true } } }));
      form.set('filedata', new Blob([Buffer.from('PNGDATA')], { type: 'image/png' }), 'x.png');
      const upload = await fetch(world.graph.url('me/message_attachments', { access_token: world.pageToken() }), {
        method: 'POST',
        body: form,
      });
      const body = (await upload.json()) as Json;
      expect(upload.status).toBe(200);

      const content = await fetch(`${sandbox.url}/_sandbox/attachments/${body.attachment_id}/content`);
      expect(Buffer.from(await content.arrayBuffer()).toString()).toBe('PNGDATA');
      expect(content.headers.get('content-type')).toContain('image/png');
    });
  });

  describe('user profiles (§10)', () => {
    it('returns the Messenger profile after the person wrote', async () => {
      await world.says('hi');

      const sut = await world.graph.get<Json>(world.psid(), {
        fields: 'first_name,last_name,profile_pic',
        access_token: world.pageToken(),
      });

      expect(shapeOf(sut.body)).toEqual(shapeOf(DocExamples.messengerProfile));
      expect(sut.body).toMatchObject({ first_name: 'Ana', last_name: 'Souza', id: world.psid() });
    });

    it('returns the Instagram profile fields', async () => {
      await world.says('hi', world.igId);

      const sut = await world.graph.get<Json>(world.igsid(), {
        fields:
          'name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user,is_verified_user',
        access_token: world.pageToken(),
      });

      expect(shapeOf(sut.body)).toEqual(shapeOf(DocExamples.instagramProfile));
      expect(sut.body).toMatchObject({ username: 'ana.souza', id: world.igsid() });
    });
  });

  describe('Conversations API (§9)', () => {
    it('lists conversations, one user’s thread, its messages and a message', async () => {
      await world.says('first', world.pageId, 'ana');
      await world.says('second', world.pageId, 'ben');
      await world.says('oi', world.igId, 'ana');
      await world.sendText('reply to ana');

      const list = await world.graph.get<Json>(`${world.pageId}/conversations`, {
        platform: 'messenger',
        access_token: world.pageToken(),
      });
      expect(shapeOf(list.body)).toEqual(shapeOf(DocExamples.conversations));
      expect(list.body.data).toHaveLength(2);

      const ig = await world.graph.get<Json>(`${world.pageId}/conversations`, {
        platform: 'instagram',
        user_id: world.igsid(),
        access_token: world.pageToken(),
      });
      expect(ig.body.data).toHaveLength(1);

      const conversation = await world.graph.get<Json>(str(ig.body.data[0].id), {
        fields: 'messages',
        access_token: world.pageToken(),
      });
      expect(shapeOf(conversation.body)).toEqual(shapeOf(DocExamples.conversationMessages));

      const message = await world.graph.get<Json>(str(conversation.body.messages.data[0].id), {
        fields: 'id,created_time,from,to,message',
        access_token: world.pageToken(),
      });
      expect(shapeOf(message.body)).toEqual(shapeOf(DocExamples.instagramMessage));
      expect(message.body).toMatchObject({
        from: { id: world.igsid(), username: 'ana.souza' },
        to: { data: [{ id: world.igId, username: 'acme' }] },
        message: 'oi',
      });
      expect(message.body.created_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    });

    it('pages with cursors, newest conversation first', async () => {
      await world.says('1', world.pageId, 'ana');
      await world.says('2', world.pageId, 'ben');

      const first = await world.graph.get<Json>(`${world.pageId}/conversations`, {
        limit: '1',
        access_token: world.pageToken(),
      });
      const second = await http<Json>('GET', str(first.body.paging.next));
      const third = await world.graph.get<Json>(`${world.pageId}/conversations`, {
        limit: '1',
        after: str(second.body.paging.cursors.after),
        access_token: world.pageToken(),
      });

      expect(first.body.data[0].id).not.toBe(second.body.data[0].id);
      expect(second.body.paging.next).toBeUndefined();
      expect(third.body).toEqual({ data: [] });
    });

    it('reads only the 20 newest messages of a thread', async () => {
      const first = await world.says('message 0');
      for (let i = 1; i <= 20; i++) await world.says(`message ${i}`);

      const sut = await world.graph.get<Json>(first.body.mid, { access_token: world.pageToken() });

      expect(sut.body).toMatchObject({ error: { code: 100 } });
    });
  });

  describe('handover (§11)', () => {
    it('passes control to another app, which gets the pass_thread_control webhook; the first app then gets standby', async () => {
      const second = await World.create(sandbox.url, {
        apps: [
          { key: 'a', callbackUrl: receiver.url },
          { key: 'b', callbackUrl: receiver.url },
        ],
        pages: [{ key: 'p' }],
        people: [{ key: 'ana' }],
        admins: [{ key: 'admin' }],
      });
      const [a, b] = second.seed.apps;
      const tokenA = second.tokens('admin', 0).pageTokens[second.pageId];
      const tokenB = second.tokens('admin', 1).pageTokens[second.pageId];
      await second.says('hello');
      await eventually(() => receiver.items().filter((i) => i.entryId === second.pageId).length === 2);
      receiver.clear();

      const pass = await second.graph.post<Json>(
        `${second.pageId}/pass_thread_control`,
        { recipient: { id: second.psid() }, target_app_id: b.id, metadata: 'escalate' },
        { access_token: tokenA },
      );
      expect(pass.body).toEqual(DocExamples.threadControl);
      const owner = await second.graph.get<Json>(`${second.pageId}/thread_owner`, {
        recipient: second.psid(),
        access_token: tokenA,
      });
      expect(shapeOf(owner.body)).toEqual(shapeOf(DocExamples.threadOwner));
      expect(owner.body.data[0].thread_owner.app_id).toBe(b.id);

      await second.says('still there?');
      await eventually(() => receiver.items().length === 3);
      const items = receiver.items();
      const handover = items.find((i) => 'pass_thread_control' in i);
      expect(handover?.pass_thread_control).toEqual({
        previous_owner_app_id: null,
        new_owner_app_id: b.id,
        metadata: 'escalate',
      });
      const message = items.filter((i) => 'message' in i);
      expect(message.map((i) => i.kind).sort()).toEqual(['messaging', 'standby']);
      // Each app verifies its own deliveries with its own secret.
      for (const d of receiver.received) {
        const secrets = [a.secret, b.secret].map(
          (s) => 'sha256=' + createHmac('sha256', s).update(d.raw).digest('hex'),
        );
        expect(secrets).toContain(d.headers['x-hub-signature-256']);
      }

      const take = await second.graph.post<Json>(
        `${second.pageId}/take_thread_control`,
        { recipient: { id: second.psid() } },
        { access_token: tokenA },
      );
      expect(take.body).toMatchObject({ error: { code: 10 } });
      const request = await second.graph.post<Json>(
        `${second.pageId}/request_thread_control`,
        { recipient: { id: second.psid() }, metadata: 'may I?' },
        { access_token: tokenA },
      );
      expect(request.body).toEqual({ success: true });
      await eventually(() => receiver.items().some((i) => 'request_thread_control' in i));
      const release = await second.graph.post<Json>(
        `${second.pageId}/release_thread_control`,
        { recipient: { id: second.psid() } },
        { access_token: tokenB },
      );
      expect(release.body).toEqual({ success: true });
      expect(
        (
          await second.graph.get<Json>(`${second.pageId}/thread_owner`, {
            recipient: second.psid(),
            access_token: tokenA,
          })
        ).body,
      ).toEqual({ data: [] });
    });

    it('lets the Page’s default app take control back', async () => {
      const routed = await World.create(sandbox.url, {
        apps: [
          { key: 'bot', callbackUrl: receiver.url },
          { key: 'crm', callbackUrl: receiver.url },
        ],
        pages: [{ key: 'p', defaultApp: 'bot' }],
        people: [{ key: 'ana' }],
        admins: [{ key: 'admin' }],
      });
      const [bot, crm] = routed.seed.apps;
      const tokenBot = routed.tokens('admin', 0).pageTokens[routed.pageId];
      await routed.says('hi');
      await routed.graph.post(
        `${routed.pageId}/pass_thread_control`,
        { recipient: { id: routed.psid() }, target_app_id: crm.id },
        { access_token: tokenBot },
      );
      receiver.clear();

      const take = await routed.graph.post<Json>(
        `${routed.pageId}/take_thread_control`,
        { recipient: { id: routed.psid() }, metadata: 'back' },
        { access_token: tokenBot },
      );

      expect(take.body).toEqual({ success: true });
      await eventually(() => receiver.items().some((i) => 'take_thread_control' in i));
      expect(receiver.items().find((i) => 'take_thread_control' in i)?.take_thread_control).toEqual({
        previous_owner_app_id: crm.id,
        new_owner_app_id: bot.id,
        metadata: 'back',
      });
    });
  });
});
