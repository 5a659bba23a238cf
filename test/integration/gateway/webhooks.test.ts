import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { InboundEvent, Topics, validateTopicPayload, webhookDeliveryId } from '@app/contracts';
import {
  createSignedRequest,
  DEFAULT_WEBHOOK_BODY_LIMITS,
  loadMetaFixtures,
  normalizeDelivery,
  parseWebhookBody,
  signWebhookBody,
} from '@app/meta';
import { APP_SECRET, freshDatabase, GatewayUnderTest, startGateway, VERIFY_TOKEN } from './support/gateway-app';
import { eventually, settle, TopicReader } from './support/topic-reader';

const fixtures = loadMetaFixtures(resolve(__dirname, '../../..', '../shared/meta-fixtures'));
const brokers = process.env.TEST_KAFKA_BROKERS ?? '';
const prefix = `it-gateway-${randomBytes(3).toString('hex')}.`;
const INBOUND = `${prefix}${Topics.messagingInbound}`;
const RECEIVED = `${prefix}${Topics.webhookReceived}`;
const CALLBACKS = `${prefix}${Topics.metaCallbackReceived}`;

function textDelivery(psid: string, mid: string, text: string, timestamp: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      object: 'page',
      entry: [
        {
          id: '555000111',
          time: timestamp,
          messaging: [{ sender: { id: psid }, recipient: { id: '555000111' }, timestamp, message: { mid, text } }],
        },
      ],
    }),
  );
}

function expectedEvents(bytes: Buffer): InboundEvent[] {
  const parsed = parseWebhookBody(bytes, DEFAULT_WEBHOOK_BODY_LIMITS);
  if (!parsed.ok) return [];
  return normalizeDelivery(parsed.delivery, { deliveryId: webhookDeliveryId(bytes), receivedAt: new Date() }).events;
}

jest.setTimeout(60_000);

describe('gateway webhooks (real HTTP, PostgreSQL and Kafka)', () => {
  let gateway: GatewayUnderTest;
  let reader: TopicReader;
  let dropDatabase: () => Promise<void>;

  const post = (body: Buffer, headers: Record<string, string> = {}, path = '/webhooks/meta') =>
    fetch(`${gateway.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
        ...headers,
      },
      body,
    });
  const inboundEvents = (): InboundEvent[] =>
    reader.of(INBOUND).map((r) => JSON.parse(r.value.toString()) as InboundEvent);

  beforeAll(async () => {
    const database = await freshDatabase('gateway');
    dropDatabase = database.drop;
    gateway = await startGateway({ brokers, prefix, databaseUrl: database.url });
    reader = new TopicReader(brokers, [INBOUND, RECEIVED, CALLBACKS]);
    await reader.start();
  });

  afterAll(async () => {
    await reader?.stop();
    await gateway?.close();
    await dropDatabase?.();
  });

  describe('GET /webhooks/meta', () => {
    it("echoes Meta's challenge for the verify token and refuses anything else", async () => {
      const ok = await fetch(
        `${gateway.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
      );
      expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
      const wrong = await fetch(`${gateway.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`);
      expect(wrong.status).toBe(403);
    });
  });

  describe('POST /webhooks/meta', () => {
    it('publishes every fixture once, keyed by conversation, with the raw delivery and correlation id', async () => {
      const accepted = fixtures.filter((f) => f.expect.status === '2xx');
      for (const fixture of fixtures) {
        const response = await post(fixture.bytes, { 'x-correlation-id': `fixture-${fixture.id}` });
        expect([fixture.id, response.status >= 200 && response.status < 300 ? '2xx' : '4xx']).toEqual([
          fixture.id,
          fixture.expect.status,
        ]);
      }
      const expected = new Map<string, { event: InboundEvent; fixture: string }>();
      for (const fixture of accepted) {
        for (const event of expectedEvents(fixture.bytes)) {
          if (!expected.has(event.eventId)) expected.set(event.eventId, { event, fixture: fixture.id });
        }
      }
      await eventually(() => reader.of(INBOUND).length >= expected.size, 30_000, 'inbound records');
      await eventually(() => reader.of(RECEIVED).length >= accepted.length, 30_000, 'received records');
      await settle();

      const inbound = reader.of(INBOUND);
      expect(inbound).toHaveLength(expected.size);
      expect(new Set(inbound.map((r) => r.headers.ce_id))).toEqual(new Set(expected.keys()));
      for (const record of inbound) {
        const { event, fixture } = expected.get(record.headers.ce_id) ?? { event: undefined, fixture: '' };
        const value = JSON.parse(record.value.toString()) as InboundEvent;
        expect(validateTopicPayload(Topics.messagingInbound, value)).toEqual({ valid: true, errors: [] });
        expect(record.key).toBe(event?.conversationId);
        expect(value).toMatchObject({ kind: event?.kind, conversationId: event?.conversationId, raw: event?.raw });
        expect(record.headers).toMatchObject({
          ce_specversion: '1.0',
          ce_type: 'parley.messaging.inbound.v1',
          ce_source: '/parley/gateway',
          ce_subject: record.key,
          parley_kind: value.kind,
          'x-correlation-id': `fixture-${fixture}`,
        });
      }
      for (const fixture of accepted) {
        for (const conversation of fixture.expect.conversations) {
          expect(inbound.map((r) => r.key)).toContain(conversation);
        }
      }

      const received = reader.of(RECEIVED);
      expect(received).toHaveLength(accepted.length);
      for (const fixture of accepted) {
        const record = received.find((r) => r.headers.ce_id === webhookDeliveryId(fixture.bytes));
        expect(record?.value.equals(fixture.bytes)).toBe(true);
        expect(record?.headers['x-hub-signature-256']).toBe(signWebhookBody(fixture.bytes, APP_SECRET));
      }
    });

    it('refuses bad signatures and bad bodies with a 4xx, and none of them reaches a topic', async () => {
      const before = reader.records.length;
      const forged = textDelivery('9001', `m_forged_${prefix}`, 'forged', Date.now());
      const cases: [Buffer, Record<string, string>, number][] = [
        [forged, { 'x-hub-signature-256': signWebhookBody(forged, 'not-the-secret') }, 403],
        [forged, { 'x-hub-signature-256': '' }, 401],
        [Buffer.from('{"object":"page","entry":[{"messaging":[{"mess'), {}, 400],
        [Buffer.from('garbage, validly signed'), {}, 400],
        [Buffer.from('{"object":"whatsapp_business_account","entry":[]}'), {}, 400],
        [Buffer.from(`{"object":"page","entry":${'['.repeat(100)}${']'.repeat(100)}}`), {}, 400],
        [
          Buffer.from(`{"object":"page","entry":[],"pad":"${'x'.repeat(DEFAULT_WEBHOOK_BODY_LIMITS.maxBytes)}"}`),
          {},
          413,
        ],
      ];
      for (const [body, headers, status] of cases) {
        const response = await post(body, headers);
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
      await settle();
      expect(reader.records.length).toBe(before);
    });

    it('publishes nothing again for a redelivered or reordered delivery', async () => {
      const psid = `77${Date.now()}`;
      const first = textDelivery(psid, `m_${psid}_1`, 'first', 1_780_000_000_001);
      const second = textDelivery(psid, `m_${psid}_2`, 'second', 1_780_000_000_002);
      expect((await post(first)).status).toBe(200);
      expect((await post(second)).status).toBe(200);
      const key = `messenger:555000111:${psid}`;
      await eventually(() => reader.of(INBOUND).filter((r) => r.key === key).length === 2, 20_000, 'two events');
      // The raw deliveries travel on their own topic and may land a little later: count once all has arrived.
      await settle();
      const before = reader.records.length;
      expect((await post(second)).status).toBe(200);
      expect((await post(first)).status).toBe(200);
      await settle();
      expect(reader.records.length).toBe(before);
    });

    it("keeps one conversation's events in the order Meta sent them", async () => {
      const psid = `88${Date.now()}`;
      for (let i = 0; i < 30; i++) {
        expect((await post(textDelivery(psid, `m_${psid}_${i}`, `message ${i}`, 1_780_000_000_000 + i))).status).toBe(
          200,
        );
      }
      const key = `messenger:555000111:${psid}`;
      await eventually(() => reader.of(INBOUND).filter((r) => r.key === key).length === 30, 20_000, '30 events');
      const texts = inboundEvents()
        .filter((e) => e.conversationId === key && e.kind === 'message')
        .map((e) => (e.kind === 'message' ? e.message.text : null));
      expect(texts).toEqual(Array.from({ length: 30 }, (_, i) => `message ${i}`));
      expect(
        new Set(
          reader
            .of(INBOUND)
            .filter((r) => r.key === key)
            .map((r) => r.partition),
        ).size,
      ).toBe(1);
    });
  });

  describe("Meta's callbacks", () => {
    const form = (signedRequest: string) =>
      ({
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ signed_request: signedRequest }).toString(),
      }) as const;

    it('answers a data-deletion callback with {url, confirmation_code} and publishes it for compliance', async () => {
      const signed = createSignedRequest(
        { algorithm: 'HMAC-SHA256', issued_at: 1_780_000_000, user_id: '424242' },
        APP_SECRET,
      );
      const response = await fetch(`${gateway.url}/webhooks/meta/data-deletion`, form(signed));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { url: string; confirmation_code: string };
      expect(body.confirmation_code).toMatch(/^[0-9A-Z]+$/);
      expect(body.url).toContain(body.confirmation_code);
      await eventually(() => reader.of(CALLBACKS).some((r) => r.key === '424242'), 20_000, 'callback record');
      const record = reader.of(CALLBACKS).find((r) => r.key === '424242');
      expect(JSON.parse(record?.value.toString() ?? '{}')).toMatchObject({
        kind: 'data_deletion',
        appScopedUserId: '424242',
        confirmationCode: body.confirmation_code,
      });
    });

    it('publishes a deauthorize callback and refuses a forged one', async () => {
      const signed = createSignedRequest(
        { algorithm: 'HMAC-SHA256', issued_at: 1_780_000_000, user_id: '515151' },
        APP_SECRET,
      );
      expect((await fetch(`${gateway.url}/webhooks/meta/deauthorize`, form(signed))).status).toBe(200);
      const forged = createSignedRequest({ algorithm: 'HMAC-SHA256', user_id: '616161' }, 'not-the-secret');
      expect((await fetch(`${gateway.url}/webhooks/meta/deauthorize`, form(forged))).status).toBe(403);
      await eventually(() => reader.of(CALLBACKS).some((r) => r.key === '515151'), 20_000, 'deauthorize record');
      await settle(500);
      expect(reader.of(CALLBACKS).some((r) => r.key === '616161')).toBe(false);
    });
  });
});
