import { createHmac } from 'node:crypto';
import { Json } from './support/graph-client';
import { firstItem, shapeOf } from './support/json-shape';
import { eventually, WebhookReceiver } from './support/receiver';
import { freshDatabase, SandboxUnderTest, startSandbox } from './support/sandbox';
import { standardSeed, World } from './support/world';

jest.setTimeout(30_000);

// `seq` was removed from Messenger payloads; older fixtures still carry it.
const legacy = ['seq'];

describe('the person’s side becomes Meta’s webhook deliveries (real HTTP receiver)', () => {
  let sandbox: SandboxUnderTest;
  let receiver: WebhookReceiver;
  let drop: () => Promise<void>;
  let world: World;

  beforeAll(async () => {
    const db = await freshDatabase('sandbox_person');
    drop = db.drop;
    receiver = await new WebhookReceiver().start();
    sandbox = await startSandbox({
      databaseUrl: db.url,
      delivery: { deliveryReceiptDelayMs: 40, readReceiptDelayMs: 80 },
    });
  });

  beforeEach(async () => {
    receiver.clear();
    world = await World.create(sandbox.url, standardSeed(receiver.url));
  });

  afterAll(async () => {
    await sandbox?.close();
    await receiver?.stop();
    await drop?.();
  });

  // Receipts of earlier tests may still arrive: look only at this test's accounts.
  const items = () => receiver.items().filter((i) => i.entryId === world.pageId || i.entryId === world.igId);
  const deliveries = (ids = [world.pageId, world.igId]) =>
    receiver.received.filter((d) => d.body.entry.some((e) => ids.includes(e.id)));
  const nextItem = async (count = 1) => {
    await eventually(() => items().length >= count);
    return items()[count - 1];
  };

  describe('signatures and serialization (§1.4)', () => {
    it('signs the exact bytes with the app secret (sha256 and legacy sha1) and escapes like Meta', async () => {
      await world.says('Olá, ação! 😍 https://a.example/x');
      await nextItem();
      const [delivery] = deliveries();
      const raw = delivery.raw;

      expect(delivery.headers['x-hub-signature-256']).toBe(
        'sha256=' + createHmac('sha256', world.app.secret).update(raw).digest('hex'),
      );
      expect(delivery.headers['x-hub-signature']).toBe(
        'sha1=' + createHmac('sha1', world.app.secret).update(raw).digest('hex'),
      );
      expect(delivery.headers['content-type']).toBe('application/json');
      const text = raw.toString('latin1');
      expect(text).toContain('"text":"Ol\\u00e1, a\\u00e7\\u00e3o! \\ud83d\\ude0d https:\\/\\/a.example\\/x"');
      expect(raw.every((byte) => byte < 0x80)).toBe(true);
      // Re-serializing un-escapes the text: the signature holds only over the bytes as sent.
      const reserialized = Buffer.from(JSON.stringify(JSON.parse(raw.toString())));
      expect(createHmac('sha256', world.app.secret).update(reserialized).digest('hex')).not.toBe(
        String(delivery.headers['x-hub-signature-256']).slice(7),
      );
    });
  });

  describe('Messenger (object page)', () => {
    it('delivers a text message in the envelope of §1.3', async () => {
      const sent = await world.says('hello');
      const item = await nextItem();

      expect(deliveries()[0].body).toEqual({
        object: 'page',
        entry: [
          {
            id: world.pageId,
            time: expect.any(Number),
            messaging: [expect.objectContaining({ message: { mid: sent.body.mid, text: 'hello' } })],
          },
        ],
      });
      expect(item).toMatchObject({
        sender: { id: world.psid() },
        recipient: { id: world.pageId },
        timestamp: expect.any(Number),
      });
    });

    it.each<[string, string, Record<string, unknown>, string]>([
      [
        'attachment',
        'messages',
        { attachments: [{ type: 'image', url: 'https://cdn.example/a.png' }] },
        '002-courier-fba-attachment',
      ],
      [
        'quick-reply tap',
        'messages',
        { quickReply: { payload: 'COLOR_BLUE', title: 'Blue' } },
        '024-messenger4j-quick-reply',
      ],
      [
        'postback with referral',
        'postbacks',
        {
          title: 'Get Started',
          payload: 'GET_STARTED',
          referral: { ref: 'r', source: 'ADS', type: 'OPEN_THREAD', adId: '6045246247433' },
        },
        '009-courier-fba-postback-referral',
      ],
      [
        'referral',
        'referrals',
        { referral: { ref: 'promo-A', source: 'SHORTLINK', type: 'OPEN_THREAD' } },
        '027-messenger4j-referral-shortlink',
      ],
      [
        'checkbox opt-in',
        'optins',
        { type: 'checkbox', payload: 'PASS_THROUGH_PARAM' },
        '035-messenger4j-optin-user-ref-only',
      ],
      [
        'Marketing Messages opt-in',
        'optins',
        { payload: '3456', title: 'Bird Facts' },
        '015-courier-fba-notification-messages-optin',
      ],
    ])('delivers a %s shaped like a real delivery', async (_label, action, body, fixture) => {
      await world.act(action, { account: world.pageId, ...body });
      const item = await nextItem();

      const { kind: _k, object: _o, entryId: _e, ...delivered } = item;
      const ignore = [...legacy, 'mid', 'notification_messages_frequency', 'prior_message'];
      expect(shapeOf(delivered, ignore)).toEqual(shapeOf(firstItem(fixture), ignore));
    });

    it('delivers reads, reactions and edits', async () => {
      const sent = await world.says('helo');
      const reply = await world.sendText('hi!');
      await world.act('reactions', { account: world.pageId, mid: reply.body.message_id, reaction: 'love' });
      await world.act('edits', { account: world.pageId, mid: sent.body.mid, text: 'hello' });
      await world.act('reads', { account: world.pageId });

      await eventually(() => items().filter((i) => 'reaction' in i || 'message_edit' in i || 'read' in i).length >= 3);
      const got = items();
      expect(got.find((i) => 'reaction' in i)?.reaction).toEqual({
        mid: reply.body.message_id,
        action: 'react',
        reaction: 'love',
        emoji: '❤️',
      });
      expect(got.find((i) => 'message_edit' in i)?.message_edit).toEqual({
        mid: sent.body.mid,
        text: 'hello',
        num_edit: 1,
      });
      expect(got.find((i) => 'read' in i)?.read).toEqual({ watermark: expect.any(Number) });
      const outbound = await world.sandbox<Json>(
        'GET',
        `people/${world.person().id}/messages?direction=outbound&account=${world.pageId}`,
      );
      expect(outbound.body.threads[0].messages[0].readAt).not.toBeNull();
    });

    it('produces the echo at once, then the delivery receipt, then the read', async () => {
      await world.says('hi');
      const reply = await world.graph.post<Json>(
        'me/messages',
        {
          recipient: { id: world.psid() },
          messaging_type: 'RESPONSE',
          message: { text: 'hello', metadata: 'outbox:7' },
        },
        { access_token: world.pageToken() },
      );
      await eventually(() => items().length >= 4, 3000);

      const [, echo, delivery, read] = items();
      expect(echo.message).toEqual({
        is_echo: true,
        app_id: Number(world.app.id),
        metadata: 'outbox:7',
        mid: reply.body.message_id,
        text: 'hello',
      });
      expect(echo).toMatchObject({ sender: { id: world.pageId }, recipient: { id: world.psid() } });
      expect(shapeOf(echo.message, legacy)).toEqual(
        shapeOf(firstItem('022-messenger4j-text-echo-metadata').message, legacy),
      );
      expect(delivery.delivery).toEqual({ mids: [reply.body.message_id], watermark: expect.any(Number) });
      expect(read.read).toEqual({ watermark: expect.any(Number) });
    });

    it('refuses to unsend on Messenger, where Meta has no such webhook', async () => {
      const sent = await world.says('oops');

      const sut = await world.act('unsends', { account: world.pageId, mid: sent.body.mid });

      expect(sut.status).toBe(400);
      expect(sut.headers.get('content-type')).toContain('application/problem+json');
      expect(sut.body).toMatchObject({ code: 'bad_request', detail: 'unsend webhooks exist on Instagram only' });
    });

    it('stops at five edits', async () => {
      const sent = await world.says('v0');
      for (let i = 1; i <= 5; i++)
        expect((await world.act('edits', { account: world.pageId, mid: sent.body.mid, text: `v${i}` })).status).toBe(
          201,
        );

      expect((await world.act('edits', { account: world.pageId, mid: sent.body.mid, text: 'v6' })).status).toBe(400);
    });
  });

  describe('Instagram (object instagram)', () => {
    it('uses the Instagram account as entry id and recipient', async () => {
      await world.says('oi', world.igId);
      const item = await nextItem();

      expect(item).toMatchObject({
        object: 'instagram',
        entryId: world.igId,
        sender: { id: world.igsid() },
        recipient: { id: world.igId },
      });
      expect(String((item.message as Json).mid)).toMatch(/^aWdf/);
    });

    it.each<[string, string, Record<string, unknown>, string]>([
      ['story mention', 'story-mentions', {}, '074-courier-ig-story-mention'],
      [
        'shared post (ig_post, not share)',
        'messages',
        {
          attachments: [
            {
              type: 'ig_post',
              url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1',
              title: 'Shared Instagram post',
            },
          ],
        },
        '100-chatwoot-ig-ig-post',
      ],
      [
        'story reply',
        'messages',
        { text: 'wow', storyReply: { id: '1799', url: 'https://cdn.example/story.jpg' } },
        '095-chatwoot-ig-story-reply',
      ],
    ])('delivers a %s shaped like a real delivery', async (_label, action, body, fixture) => {
      await world.act(action, { account: world.igId, ...body });
      const item = await nextItem();

      const { kind: _k, object: _o, entryId: _e, ...delivered } = item;
      expect(shapeOf(delivered, ['mid'])).toEqual(shapeOf(firstItem(fixture), ['mid']));
    });

    it('delivers unsend as is_deleted, seen as read.mid, reactions, and echoes without delivery receipts', async () => {
      const sent = await world.says('oops', world.igId);
      const reply = await world.sendText('hey', world.igsid(), `${world.igId}/messages`);
      await world.act('unsends', { account: world.igId, mid: sent.body.mid });
      await world.act('reactions', { account: world.igId, mid: reply.body.message_id, reaction: 'like' });
      await world.act('reads', { account: world.igId });
      await eventually(() => items().length >= 6, 3000);

      const got = items();
      expect(got.find((i) => (i.message as Json | undefined)?.is_deleted)?.message).toEqual({
        mid: sent.body.mid,
        is_deleted: true,
      });
      expect(got.filter((i) => 'read' in i).map((i) => i.read)).toContainEqual({ mid: reply.body.message_id });
      expect(got.find((i) => 'reaction' in i)?.reaction).toEqual({
        mid: reply.body.message_id,
        action: 'react',
        reaction: 'like',
        emoji: '👍',
      });
      expect(got.find((i) => (i.message as Json | undefined)?.is_echo)).toMatchObject({
        sender: { id: world.igId },
        recipient: { id: world.igsid() },
      });
      expect(got.some((i) => 'delivery' in i)).toBe(false);
    });
  });

  describe('subscriptions and routing', () => {
    it('delivers nothing for fields the app did not subscribe to', async () => {
      await world.graph.post('me/subscribed_apps', undefined, {
        subscribed_fields: 'message_reads',
        access_token: world.pageToken(),
      });
      await world.says('anyone?');
      await world.act('reads', { account: world.pageId });

      const item = await nextItem();
      expect(item).toHaveProperty('read');
      expect(items().some((i) => 'message' in i)).toBe(false);
    });

    it('batches what is due together: several entries and several items in one POST', async () => {
      const two = await World.create(
        sandbox.url,
        standardSeed(receiver.url, {
          pages: [
            { key: 'page', name: 'A' },
            { key: 'b', name: 'B' },
          ],
          people: [{ key: 'ana' }],
        }),
      );
      await two.sandbox('PUT', `apps/${two.app.id}/chaos`, { paused: true });
      const [pageA, pageB] = two.seed.pages.map((p) => p.id);
      await two.says('1', pageA);
      await two.says('2', pageB);
      await two.says('3', pageA);
      await two.sandbox('POST', 'deliveries/flush');

      expect(deliveries([pageA, pageB])).toHaveLength(1);
      expect(deliveries([pageA, pageB])[0].body.entry.map((e) => [e.id, e.messaging?.length])).toEqual([
        [pageA, 2],
        [pageB, 1],
      ]);
    });

    it('answers the verification handshake check', async () => {
      const sut = await world.sandbox<Json>('POST', `apps/${world.app.id}/verify-callback`);

      expect(sut.body).toMatchObject({ verified: true, status: 200 });
    });
  });
});
