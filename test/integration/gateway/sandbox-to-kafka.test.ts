import { randomBytes } from 'node:crypto';
import { InboundEvent, Topics } from '@app/contracts';
import { register } from 'prom-client';
import { freshDatabase as freshSandboxDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import { APP_SECRET, freshDatabase, GatewayUnderTest, startGateway, VERIFY_TOKEN } from './support/gateway-app';
import { eventually, settle, TopicReader } from './support/topic-reader';

jest.setTimeout(90_000);

// The sandbox's person acts on both channels; Meta's signed deliveries go to the gateway; a kafkajs
// consumer reads messaging.inbound.v1 as a CRM would.
describe('sandbox person → gateway → messaging.inbound.v1', () => {
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  const prefix = `it-gw-sandbox-${randomBytes(3).toString('hex')}.`;
  let gateway: GatewayUnderTest;
  let sandbox: SandboxUnderTest;
  let reader: TopicReader;
  let world: World;
  const drops: (() => Promise<void>)[] = [];

  const events = (): { key: string; event: InboundEvent }[] =>
    reader.records
      .map((r) => ({ key: r.key, event: JSON.parse(r.value.toString()) as InboundEvent }))
      .filter(({ event }) => event.accountId === world.pageId || event.accountId === world.igId);
  const until = (count: number, what: string) => eventually(() => events().length >= count, 30_000, what);

  beforeAll(async () => {
    const gatewayDb = await freshDatabase('gw_sandbox');
    const sandboxDb = await freshSandboxDatabase('gw_sandbox_meta');
    drops.push(gatewayDb.drop, sandboxDb.drop);
    gateway = await startGateway({ brokers, prefix, databaseUrl: gatewayDb.url });
    sandbox = await startSandbox({
      databaseUrl: sandboxDb.url,
      delivery: { deliveryReceiptDelayMs: 40, readReceiptDelayMs: 80 },
    });
    reader = new TopicReader(brokers, [`${prefix}${Topics.messagingInbound}`]);
    await reader.start();
    const callbackUrl = `${gateway.url}/webhooks/meta`;
    world = await World.create(
      sandbox.url,
      standardSeed(callbackUrl, { app: { key: 'app', callbackUrl, secret: APP_SECRET, verifyToken: VERIFY_TOKEN } }),
    );
  });

  afterAll(async () => {
    await reader?.stop();
    await sandbox?.close();
    await gateway?.close();
    for (const drop of drops) await drop();
  });

  it('publishes every kind of Messenger event, keyed by conversation, in order', async () => {
    const key = `messenger:${world.pageId}:${world.psid()}`;
    const one = await world.says('one');
    await world.says('two');
    await world.act('messages', {
      account: world.pageId,
      attachments: [{ type: 'image', url: 'https://cdn.example/a.png' }],
    });
    await world.act('messages', { account: world.pageId, text: 'Blue', quickReply: { payload: 'COLOR_BLUE' } });
    await world.act('messages', { account: world.pageId, text: 'this one', replyTo: one.body.mid });
    await world.act('postbacks', {
      account: world.pageId,
      title: 'Get Started',
      payload: 'GET_STARTED',
      referral: { ref: 'r', source: 'ADS', type: 'OPEN_THREAD', adId: '6045246247433' },
    });
    await world.act('referrals', {
      account: world.pageId,
      referral: { ref: 'promo-A', source: 'SHORTLINK', type: 'OPEN_THREAD' },
    });
    await world.act('optins', { account: world.pageId, payload: '3456', title: 'Bird Facts' });
    const reply = await world.sendText('hello from the Page');
    await world.act('reactions', { account: world.pageId, mid: reply.body.message_id, reaction: 'love' });
    await world.act('reactions', { account: world.pageId, mid: reply.body.message_id, action: 'unreact' });
    await world.act('edits', { account: world.pageId, mid: one.body.mid, text: 'one (edited)' });
    await world.act('reads', { account: world.pageId });

    await until(14, 'Messenger events');
    await settle(500);
    const messenger = events().filter(({ event }) => event.channel === 'messenger');
    expect(
      messenger.every(({ key: k, event }) => (k === key && event.conversationId === key) || event.personId === null),
    ).toBe(true);
    const kinds = messenger.map(({ event }) => event.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'message',
        'postback',
        'referral',
        'optin',
        'echo',
        'delivery',
        'reaction',
        'edit',
        'read',
      ]),
    );
    const messages = messenger.flatMap(({ event }) => (event.kind === 'message' ? [event.message] : []));
    expect(messages.map((m) => m.text)).toEqual(['one', 'two', null, 'Blue', 'this one']);
    expect(messages[2].attachments).toEqual([
      expect.objectContaining({ type: 'image', url: 'https://cdn.example/a.png' }),
    ]);
    expect(messages[3].quickReplyPayload).toBe('COLOR_BLUE');
    expect(messages[4].replyTo).toMatchObject({ mid: one.body.mid });
    const echo = messenger.find(({ event }) => event.kind === 'echo')?.event;
    expect(echo).toMatchObject({ isEcho: true, appId: world.app.id, personId: world.psid(), conversationId: key });
    const reactions = messenger.flatMap(({ event }) => (event.kind === 'reaction' ? [event.reaction.action] : []));
    expect(reactions).toEqual(['react', 'unreact']);
    expect(new Set(messenger.map(({ event }) => event.eventId)).size).toBe(messenger.length);
  });

  it('publishes Instagram messages, story mentions and replies, shares, unsends, reactions, seen and echoes', async () => {
    const key = `instagram:${world.igId}:${world.igsid()}`;
    const before = events().length;
    const sent = await world.says('oi', world.igId);
    await world.act('story-mentions', { account: world.igId });
    await world.act('messages', {
      account: world.igId,
      text: 'wow',
      storyReply: { id: '1799', url: 'https://cdn.example/s.jpg' },
    });
    await world.act('messages', {
      account: world.igId,
      attachments: [
        { type: 'ig_post', url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1', title: 'Post' },
      ],
    });
    const reply = await world.sendText('hey', world.igsid(), `${world.igId}/messages`);
    await world.act('unsends', { account: world.igId, mid: sent.body.mid });
    await world.act('reactions', { account: world.igId, mid: reply.body.message_id, reaction: 'like' });
    await world.act('reads', { account: world.igId });

    await until(before + 8, 'Instagram events');
    const instagram = events().filter(({ event }) => event.channel === 'instagram');
    expect(instagram.every(({ key: k }) => k === key)).toBe(true);
    // The sandbox's person also reads the Page's reply on their own: reads may come twice.
    expect(instagram.map(({ event }) => event.kind).filter((kind) => kind !== 'read')).toEqual([
      'message',
      'message',
      'message',
      'message',
      'echo',
      'unsend',
      'reaction',
    ]);
    const [text, mention, storyReply, share] = instagram.map(({ event }) =>
      event.kind === 'message' ? event.message : null,
    );
    expect(text?.text).toBe('oi');
    expect(mention?.attachments[0].type).toBe('story_mention');
    expect(storyReply?.replyTo?.story).toEqual({ id: '1799', url: 'https://cdn.example/s.jpg' });
    expect(share?.attachments[0]).toMatchObject({ type: 'ig_post', title: 'Post' });
    expect(instagram.map(({ event }) => event)).toContainEqual(
      expect.objectContaining({ kind: 'read', read: { watermark: null, mid: reply.body.message_id } }),
    );
  });

  it('publishes no duplicate when Meta redelivers every delivery and reorders them', async () => {
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { duplicateRate: 1, reorder: true });
    const before = events().length;
    for (const text of ['a', 'b', 'c']) await world.says(text);
    const messages = () =>
      events()
        .slice(before)
        .filter(({ event }) => event.kind === 'message').length;
    await eventually(() => messages() >= 3, 30_000, 'three messages');
    await settle(2000);
    // Receipts of earlier tests may still arrive: count the messages only.
    const texts = events()
      .slice(before)
      .flatMap(({ event }) => (event.kind === 'message' ? [event.message.text] : []));
    expect(texts.sort()).toEqual(['a', 'b', 'c']);
    const dropped = async () =>
      (await register.getMetricsAsJSON())
        .find((m) => m.name === 'parley_gateway_duplicates_dropped_total')
        ?.values.find((v) => v.labels.scope === 'window')?.value ?? 0;
    const deadline = Date.now() + 20_000;
    while ((await dropped()) < 3 && Date.now() < deadline) await settle(100);
    expect(await dropped()).toBeGreaterThanOrEqual(3);
    expect(
      events()
        .slice(before)
        .filter(({ event }) => event.kind === 'message'),
    ).toHaveLength(3);
    await world.sandbox('PUT', `apps/${world.app.id}/chaos`, { duplicateRate: 0, reorder: false });
  });
});
