import { randomBytes, randomUUID } from 'node:crypto';
import { OutboundStatusEvent, Topics } from '@app/contracts';
import { createTestDatabase } from '@app/testing';
import { APP_SECRET, GatewayUnderTest, startGateway, VERIFY_TOKEN } from '../gateway/support/gateway-app';
import { eventually, TopicReader } from '../gateway/support/topic-reader';
import { freshDatabase as freshSandboxDatabase, SandboxUnderTest, startSandbox } from '../meta-sandbox/support/sandbox';
import { standardSeed, World } from '../meta-sandbox/support/world';
import { CrmClient, waitFor } from './support/crm-client';
import { CrmTokens, OutboundUnderTest, startOutbound } from './support/outbound-app';

jest.setTimeout(120_000);

const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

interface History {
  status: string;
  metaMessageId: string | null;
  failure: { reason: string; metaCode: number | null } | null;
  history: { status: string }[];
}
interface SandboxThread {
  account: string;
  messages: {
    mid: string;
    direction: string;
    text: string | null;
    metadata: string | null;
    attachments: unknown;
    replyTo: string | null;
  }[];
}

// A CRM calls the REST API; outbound sends through the Meta sandbox; the sandbox's webhooks reach the
// gateway, whose inbound events bring delivery and read receipts back; statuses are read from Kafka.
describe('CRM → outbound → Kafka → worker → Meta sandbox → gateway → statuses', () => {
  const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
  const prefix = `it-outbound-${randomBytes(3).toString('hex')}.`;
  const drops: (() => Promise<void>)[] = [];
  let gateway: GatewayUnderTest;
  let sandbox: SandboxUnderTest;
  let outbound: OutboundUnderTest;
  let world: World;
  let crm: CrmClient;
  let reader: TopicReader;

  const statusesOf = (messageId: string): OutboundStatusEvent[] =>
    reader.records
      .map((r) => JSON.parse(r.value.toString()) as OutboundStatusEvent)
      .filter((s) => s.messageId === messageId);
  const settled = (id: string, status = 'sent') =>
    waitFor(
      async () => (await crm.message<History>(id)).body,
      (m) => RANK[m.status] >= RANK[status] || m.status === 'failed',
      20_000,
      `message ${id} ${status}`,
    );
  const thread = async (account: string): Promise<SandboxThread> => {
    const answer = await world.sandbox<{ threads: SandboxThread[] }>(
      'GET',
      `people/${world.person().id}/messages?direction=outbound`,
    );
    const found = answer.body.threads.find((t) => t.account === account);
    if (!found) throw new Error(`no thread on ${account}`);
    return found;
  };

  beforeAll(async () => {
    const gatewayDb = await createTestDatabase('outbound_it_gw');
    const outboundDb = await createTestDatabase('outbound_it');
    const sandboxDb = await freshSandboxDatabase('outbound_it_meta');
    drops.push(gatewayDb.drop, outboundDb.drop, sandboxDb.drop);
    gateway = await startGateway({ brokers, prefix, databaseUrl: gatewayDb.url });
    sandbox = await startSandbox({
      databaseUrl: sandboxDb.url,
      delivery: { deliveryReceiptDelayMs: 30, readReceiptDelayMs: 60 },
    });
    const callbackUrl = `${gateway.url}/webhooks/meta`;
    world = await World.create(
      sandbox.url,
      standardSeed(callbackUrl, {
        app: { key: 'app', callbackUrl, secret: APP_SECRET, verifyToken: VERIFY_TOKEN },
        people: [
          { key: 'ana', name: 'Ana Souza', username: 'ana.souza' },
          { key: 'bo', name: 'Bo Silent', username: 'bo.silent' },
        ],
      }),
    );
    const keys = await CrmTokens.create();
    outbound = await startOutbound({
      databaseUrl: outboundDb.url,
      brokers,
      prefix,
      graphUrl: sandbox.url,
      appId: world.app.id,
      appSecret: APP_SECRET,
      jwk: keys.jwk,
    });
    outbound.tokens.add('messenger', world.pageId, world.pageId, world.pageToken());
    outbound.tokens.add('instagram', world.igId, world.pageId, world.pageToken());
    crm = new CrmClient(outbound.url, () => keys.token());
    reader = new TopicReader(brokers, [`${prefix}${Topics.outboundStatus}`]);
    await reader.start();
    await world.says('hello Page');
    await world.says('hello Instagram', world.igId);
  });

  afterAll(async () => {
    await reader?.stop();
    await outbound?.close();
    await sandbox?.close();
    await gateway?.close();
    for (const drop of drops) await drop();
  });

  const messenger = (message: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    channel: 'messenger',
    accountId: world.pageId,
    recipientId: world.psid(),
    message,
    ...extra,
  });
  const instagram = (message: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    channel: 'instagram',
    accountId: world.igId,
    recipientId: world.igsid(),
    message,
    ...extra,
  });

  it('sends a text, and its status moves accepted → sent → delivered → read, on REST and on Kafka', async () => {
    const accepted = await crm.send<{ id: string; status: string; conversationId: string }>(
      messenger({ text: 'Your order shipped' }),
    );
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      conversationId: `messenger:${world.pageId}:${world.psid()}`,
    });

    const read = await settled(accepted.body.id, 'read');
    expect(read.history.map((h) => h.status)).toEqual(['accepted', 'sent', 'delivered', 'read']);
    const sent = (await thread(world.pageId)).messages.filter((m) => m.metadata === `parley:${accepted.body.id}`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ text: 'Your order shipped', mid: read.metaMessageId });

    await eventually(() => statusesOf(accepted.body.id).length >= 4, 20_000, 'status events');
    const events = statusesOf(accepted.body.id);
    expect(events.map((e) => e.status)).toEqual(['accepted', 'sent', 'delivered', 'read']);
    const keys = reader.records
      .filter((r) => (JSON.parse(r.value.toString()) as OutboundStatusEvent).messageId === accepted.body.id)
      .map((r) => r.key);
    expect(new Set(keys)).toEqual(new Set([accepted.body.conversationId]));
  });

  it.each<[string, 'messenger' | 'instagram', Record<string, unknown>]>([
    ['an image by URL on Messenger', 'messenger', { attachment: { type: 'image', url: 'https://cdn.example/a.png' } }],
    ['an image by URL on Instagram', 'instagram', { attachment: { type: 'image', url: 'https://cdn.example/b.png' } }],
    [
      'quick replies on Messenger',
      'messenger',
      { text: 'Colour?', quickReplies: [{ contentType: 'text', title: 'Blue', payload: 'BLUE' }] },
    ],
    [
      'quick replies on Instagram',
      'instagram',
      { text: 'Size?', quickReplies: [{ contentType: 'text', title: 'M', payload: 'M' }] },
    ],
    [
      'a button template on Messenger',
      'messenger',
      {
        template: {
          type: 'button',
          text: 'Track it',
          buttons: [{ type: 'web_url', title: 'Track', url: 'https://x.example/t' }],
        },
      },
    ],
    [
      'a generic template on Instagram',
      'instagram',
      {
        template: {
          type: 'generic',
          elements: [{ title: 'Shoe', subtitle: 'Red', buttons: [{ type: 'postback', title: 'Buy', payload: 'BUY' }] }],
        },
      },
    ],
  ])('sends %s', async (_name, channel, message) => {
    const body = channel === 'messenger' ? messenger(message) : instagram(message);
    const accepted = await crm.send<{ id: string }>(body);
    expect(accepted.status).toBe(202);
    const done = await settled(accepted.body.id);
    expect(done.failure).toBeNull();
    expect(done.history.map((h) => h.status)).toContain('sent');
    const account = channel === 'messenger' ? world.pageId : world.igId;
    expect((await thread(account)).messages.filter((m) => m.metadata === `parley:${accepted.body.id}`)).toHaveLength(1);
    // Compliance learns what kind of template it decides about (CUSTOMER_FEEDBACK goes only with its own).
    const asked = outbound.decisions.asked.at(-1);
    expect(asked?.templateType).toBe((message.template as { type?: string } | undefined)?.type ?? null);
  });

  it('replies to and reacts to a message on Instagram', async () => {
    const theirs = await world.says('do you ship abroad?', world.igId);
    const reply = await crm.send<{ id: string }>(instagram({ text: 'Yes we do', replyTo: theirs.body.mid }));
    expect((await settled(reply.body.id)).failure).toBeNull();
    expect((await thread(world.igId)).messages.find((m) => m.metadata === `parley:${reply.body.id}`)?.replyTo).toBe(
      theirs.body.mid,
    );

    const reaction = await crm.send<{ id: string }>(
      instagram({ reaction: { messageId: theirs.body.mid, action: 'react', reaction: 'love' } }),
    );
    expect(await settled(reaction.body.id)).toMatchObject({ status: 'sent', metaMessageId: null, failure: null });
  });

  it('answers the same Idempotency-Key and body with the first answer, and creates one message', async () => {
    const key = randomUUID();
    const body = messenger({ text: 'only once' });
    const first = await crm.send<{ id: string }>(body, key);
    const again = await crm.send<{ id: string }>(body, key);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    await settled(first.body.id);

    const conflict = await crm.send<{ code: string }>(messenger({ text: 'another body' }), key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('idempotency_key_reused');
    expect((await thread(world.pageId)).messages.filter((m) => m.text === 'only once')).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['text over 1000 bytes on Instagram', { channel: 'instagram', text: '😀'.repeat(251) }, 'message.text'],
    [
      '14 quick replies',
      {
        channel: 'messenger',
        text: 'x',
        quickReplies: Array.from({ length: 14 }, () => ({ contentType: 'text', title: 'a', payload: 'b' })),
      },
      'message.quickReplies',
    ],
    [
      'a media template on Instagram',
      { channel: 'instagram', template: { type: 'media', elements: [{ mediaType: 'image', attachmentId: '1' }] } },
      'message.template.type',
    ],
  ])('refuses %s before queueing, naming the field', async (_name, spec, field) => {
    const { channel, ...message } = spec;
    const answer = await crm.send<{ code: string; errors: string[] }>(
      channel === 'instagram' ? instagram(message) : messenger(message),
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.code).toBe('validation_failed');
    expect(answer.body.errors.join(' ')).toContain(field);
  });

  it('refuses a retired tag locally', async () => {
    const answer = await crm.send<{ errors: string[] }>(
      messenger({ text: 'update' }, { messagingType: 'MESSAGE_TAG', tag: 'ACCOUNT_UPDATE' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual(['tag ACCOUNT_UPDATE was retired by Meta on 2026-04-27']);
  });

  it('answers 422 with the reason and when the window closed when compliance denies', async () => {
    outbound.decisions.closedWindows.set(world.psid('bo'), '2026-01-01T00:00:00.000Z');
    const answer = await crm.send<{ code: string; reason: string; windowClosedAt: string }>(
      messenger({ text: 'late' }, { recipientId: world.psid('bo') }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({
      code: 'send_denied',
      reason: 'window_closed',
      windowClosedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it("fails with Meta's reason when Meta refuses (a person who never wrote: outside the window)", async () => {
    outbound.decisions.closedWindows.delete(world.psid('bo'));
    const accepted = await crm.send<{ id: string }>(
      messenger({ text: 'cold message' }, { recipientId: world.psid('bo') + '' }),
    );
    const done = await settled(accepted.body.id, 'failed');
    expect(done.status).toBe('failed');
    expect(done.failure).toMatchObject({ reason: 'outside_window', metaCode: 10 });
  });

  it('fails as token_invalid on 190 and tells tokens to forget the account', async () => {
    outbound.tokens.add('messenger', world.pageId, world.pageId, 'EAAbrokenTokenValue123456');
    try {
      const accepted = await crm.send<{ id: string }>(messenger({ text: 'with a broken token' }));
      const done = await settled(accepted.body.id, 'failed');
      expect(done.failure).toMatchObject({ reason: 'token_invalid', metaCode: 190 });
      expect(outbound.tokens.forgotten).toContain(`messenger:${world.pageId}`);
    } finally {
      outbound.tokens.add('messenger', world.pageId, world.pageId, world.pageToken());
    }
  });

  it('shows typing to the person at once, and replays the answer for the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { channel: 'messenger', accountId: world.pageId, recipientId: world.psid(), action: 'typing_on' };
    const first = await crm.request('POST', '/v1/sender-actions', body, { 'idempotency-key': key });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ recipientId: world.psid(), action: 'typing_on' });
    const again = await crm.request('POST', '/v1/sender-actions', body, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    const actions = await world.sandbox('GET', `people/${world.person().id}/sender-actions?account=${world.pageId}`);
    expect(JSON.stringify(actions.body).match(/typing_on/g)).toHaveLength(1);
  });

  it('uploads an attachment once and sends it by its id', async () => {
    const upload = {
      channel: 'messenger',
      accountId: world.pageId,
      type: 'image',
      url: 'https://cdn.example/logo.png',
    };
    const uploaded = await crm.request<{ attachmentId: string }>('POST', '/v1/attachments', upload, {
      'idempotency-key': randomUUID(),
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachmentId).toEqual(expect.any(String));
    const accepted = await crm.send<{ id: string }>(
      messenger({ attachment: { type: 'image', attachmentId: uploaded.body.attachmentId } }),
    );
    expect((await settled(accepted.body.id)).failure).toBeNull();
  });

  it('uploads a file sent as multipart/form-data, replays it by its key, and sends it by its id', async () => {
    const key = randomUUID();
    const upload = (bytes: string) => {
      const form = new FormData();
      form.set('channel', 'messenger');
      form.set('accountId', world.pageId);
      form.set('type', 'file');
      form.set('file', new Blob([bytes], { type: 'application/pdf' }), 'invoice.pdf');
      return crm.multipart<{ attachmentId?: string; code?: string }>('/v1/attachments', form, key);
    };
    const uploaded = await upload('%PDF-1.7 invoice 42');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachmentId).toEqual(expect.any(String));
    expect((await upload('%PDF-1.7 invoice 42')).body).toEqual(uploaded.body);
    const otherFile = await upload('%PDF-1.7 invoice 43');
    expect(otherFile.status).toBe(409);

    const accepted = await crm.send<{ id: string }>(
      messenger({ attachment: { type: 'file', attachmentId: uploaded.body.attachmentId } }),
    );
    expect((await settled(accepted.body.id)).failure).toBeNull();
    const sent = (await thread(world.pageId)).messages.find((m) => m.metadata === `parley:${accepted.body.id}`);
    const [attachment] = sent?.attachments as { payload: { url: string } }[];
    expect(await (await fetch(`${sandbox.url}${attachment.payload.url}`)).text()).toBe('%PDF-1.7 invoice 42');
  });

  it('sends a file that comes with the message (multipart); a replay answers the same message; the file is not kept', async () => {
    const key = randomUUID();
    const request = messenger({ attachment: { type: 'image' } });
    const sendWithFile = (part: string | null, idempotencyKey = key) => {
      const form = new FormData();
      if (part !== null) form.set('request', part);
      form.set('file', new Blob(['GIF89a tiny'], { type: 'image/gif' }), 'tiny.gif');
      return crm.multipart<{ id: string; errors?: string[] }>('/v1/messages', form, idempotencyKey);
    };
    const accepted = await sendWithFile(JSON.stringify(request));
    expect(accepted.status).toBe(202);
    expect((await sendWithFile(JSON.stringify(request))).body.id).toBe(accepted.body.id);
    expect((await settled(accepted.body.id)).failure).toBeNull();
    const sent = (await thread(world.pageId)).messages.find((m) => m.metadata === `parley:${accepted.body.id}`);
    const [attachment] = sent?.attachments as { payload: { url: string } }[];
    expect(await (await fetch(`${sandbox.url}${attachment.payload.url}`)).text()).toBe('GIF89a tiny');
    const stored = await crm.message<{ content: unknown }>(accepted.body.id);
    expect(JSON.stringify(stored.body)).not.toContain('GIF89a');

    const noRequest = await sendWithFile(null, randomUUID());
    expect(noRequest.status).toBe(400);
    expect(noRequest.body.errors).toEqual(['request must be the request as JSON']);
    const withUrl = await sendWithFile(
      JSON.stringify(messenger({ attachment: { type: 'image', url: 'https://x.example/a.gif' } })),
      randomUUID(),
    );
    expect(withUrl.status).toBe(400);
  });

  it('refuses an attachment with both a URL and a file, or neither, naming the problem', async () => {
    const form = new FormData();
    form.set('channel', 'messenger');
    form.set('accountId', world.pageId);
    form.set('type', 'image');
    form.set('url', 'https://cdn.example/logo.png');
    form.set('file', new Blob(['PNG']), 'logo.png');
    const both = await crm.multipart<{ errors: string[] }>('/v1/attachments', form, randomUUID());
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual(['give either url or, as multipart/form-data, the part file']);
    const neither = await crm.request<{ errors: string[] }>(
      'POST',
      '/v1/attachments',
      { channel: 'messenger', accountId: world.pageId, type: 'image' },
      { 'idempotency-key': randomUUID() },
    );
    expect(neither.status).toBe(400);
  });

  it("reads the conversation and the person's profile from Meta", async () => {
    const id = encodeURIComponent(`instagram:${world.igId}:${world.igsid()}`);
    const messages = await crm.request<{ data: { id: string; text: string | null }[] }>(
      'GET',
      `/v1/conversations/${id}/messages`,
    );
    expect(messages.status).toBe(200);
    expect(messages.body.data.map((m) => m.text)).toContain('hello Instagram');
    const person = await crm.request<{ username: string }>('GET', `/v1/conversations/${id}/participant`);
    expect(person.status).toBe(200);
    expect(person.body.username).toBe('ana.souza');
    const malformed = await crm.request('GET', '/v1/conversations/nonsense/messages');
    expect(malformed.status).toBe(400);
  });

  it("hides another tenant's messages and refuses its accounts", async () => {
    const mine = await crm.send<{ id: string }>(messenger({ text: 'tenant check' }));
    outbound.tokens.add('messenger', '999000', '999000', 'EAAother', 'globex');
    const foreign = await crm.send<{ code: string }>({
      channel: 'messenger',
      accountId: '999000',
      recipientId: '1',
      message: { text: 'x' },
    });
    expect(foreign.status).toBe(404);
    const listed = await crm.request<{ data: { id: string }[]; nextCursor: string | null }>(
      'GET',
      `/v1/messages?conversationId=${encodeURIComponent(`messenger:${world.pageId}:${world.psid()}`)}&limit=2`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(2);
    expect(listed.body.nextCursor).not.toBeNull();
    await settled(mine.body.id);
  });

  it("passes an idle thread to the Page inbox, and answers Meta's refusal to take it without a default app as 502", async () => {
    const id = encodeURIComponent(`messenger:${world.pageId}:${world.psid()}`);
    const passed = await crm.request('POST', `/v1/conversations/${id}/handover`, {
      action: 'pass',
      targetAppId: '263902037430900',
      metadata: 'to a person',
    });
    expect(passed.body).toEqual({ action: 'pass', success: true });
    const taken = await crm.request<{ code: string }>('POST', `/v1/conversations/${id}/handover`, { action: 'take' });
    expect(taken.status).toBe(502);
    expect(taken.body.code).toBe('upstream_failed');
    const invalid = await crm.request('POST', `/v1/conversations/${id}/handover`, { action: 'pass' });
    expect(invalid.status).toBe(400);
  });
});
