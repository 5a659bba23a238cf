import { resolve } from 'node:path';
import { InboundEvent, InboundMessageEvent, Topics } from '@app/contracts';
import { DEFAULT_WEBHOOK_BODY_LIMITS, loadMetaFixtures, signWebhookBody } from '@app/meta';
import { Registry } from 'prom-client';
import { Clock } from './clock';
import { GatewayMetrics } from './gateway-metrics';
import { GatewayPublisher, GatewayRecord } from './gateway-record';
import { RecentPublicationsRepository } from './recent-publications.repository';
import { WebhookIntakeService } from './webhook-intake.service';
import { WebhookSettings } from './webhook-settings';

const fixtures = loadMetaFixtures(resolve(__dirname, '../../../..', '../shared/meta-fixtures'));
const fixture = (prefix: string): Buffer => {
  const found = fixtures.find((f) => f.id.startsWith(prefix));
  if (!found) throw new Error(prefix);
  return found.bytes;
};
const SECRET = 'test-secret';

class FakePublisher extends GatewayPublisher {
  batches: GatewayRecord[][] = [];
  behaviour: 'ack' | 'fail' | 'hang' = 'ack';
  publish(records: readonly GatewayRecord[]): Promise<void> {
    if (this.behaviour === 'fail') return Promise.reject(new Error('broker down'));
    if (this.behaviour === 'hang') return new Promise(() => undefined);
    this.batches.push([...records]);
    return Promise.resolve();
  }
  get records(): GatewayRecord[] {
    return this.batches.flat();
  }
}

class FakeRecentPublications extends RecentPublicationsRepository {
  ids = new Set<string>();
  failing = false;
  findPublished(ids: readonly string[]): Promise<Set<string>> {
    if (this.failing) return Promise.reject(new Error('database down'));
    return Promise.resolve(new Set(ids.filter((id) => this.ids.has(id))));
  }
  remember(ids: readonly string[]): Promise<void> {
    if (this.failing) return Promise.reject(new Error('database down'));
    ids.forEach((id) => this.ids.add(id));
    return Promise.resolve();
  }
  forgetOlderThan(): Promise<number> {
    return Promise.resolve(0);
  }
}

class FixedClock extends Clock {
  now(): Date {
    return new Date('2026-03-01T12:00:00.000Z');
  }
}

function setup() {
  const settings: WebhookSettings = {
    appSecrets: [SECRET],
    verifyToken: 'verify',
    bodyLimits: DEFAULT_WEBHOOK_BODY_LIMITS,
    publishTimeoutMs: 100,
    dedupeWindowSeconds: 3600,
    dedupeLookupTimeoutMs: 100,
    publicUrl: 'https://parley.example',
  };
  const publisher = new FakePublisher();
  const recent = new FakeRecentPublications();
  const registry = new Registry();
  const sut = new WebhookIntakeService(settings, publisher, recent, new GatewayMetrics(registry), new FixedClock());
  const receive = (body: Buffer, ...header: [string | undefined] | []) =>
    sut.receive({
      rawBody: body,
      signature: header.length ? header[0] : signWebhookBody(body, SECRET),
      trace: { correlationId: 'c', traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01` },
    });
  const metric = async (name: string, labels: Record<string, string>): Promise<number> => {
    const found = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
    const values = (found?.values ?? []) as { labels: Record<string, string | number>; value: number }[];
    return values
      .filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
      .reduce((s, v) => s + v.value, 0);
  };
  return { sut, publisher, recent, receive, metric };
}

describe(WebhookIntakeService.name, () => {
  describe('receive', () => {
    it('publishes the delivery as received, then one inbound record per event, and answers 200', async () => {
      const { publisher, receive } = setup();
      const body = fixture('048');
      await expect(receive(body)).resolves.toEqual({ status: 200, published: 2, duplicates: 0 });
      const [raw, ...inbound] = publisher.records;
      expect(raw).toMatchObject({ topic: Topics.webhookReceived, key: 'messenger:1895382890692545', value: body });
      expect(raw.headers['x-hub-signature-256']).toBe(signWebhookBody(body, SECRET));
      expect(inbound.map((r) => [r.topic, r.key, (r.value as InboundMessageEvent).message])).toEqual([
        [
          Topics.messagingInbound,
          'messenger:1895382890692545:7100000000048059',
          expect.objectContaining({ text: 'test 1' }),
        ],
        [
          Topics.messagingInbound,
          'messenger:189538289069256:7100000000048059',
          expect.objectContaining({ text: 'test 2' }),
        ],
      ]);
      expect(inbound.map((r) => r.id)).toEqual(inbound.map((r) => (r.value as InboundEvent).eventId));
      expect(publisher.batches).toHaveLength(1);
    });

    it.each<[string, string | undefined, number]>([
      ['no signature', undefined, 401],
      ['a signature with another secret', 'other-secret', 403],
      ['a malformed signature', 'sha256=nope', 403],
    ])('refuses %s and publishes nothing', async (_case, secretOrHeader, status) => {
      const { publisher, receive, metric } = setup();
      const body = fixture('001');
      const header =
        secretOrHeader === undefined
          ? undefined
          : secretOrHeader.startsWith('sha256=')
            ? secretOrHeader
            : signWebhookBody(body, secretOrHeader);
      await expect(receive(body, header)).resolves.toMatchObject({ status });
      expect(publisher.records).toEqual([]);
      expect(await metric('parley_gateway_signature_failures_total', {})).toBe(1);
    });

    it.each<[string, Buffer, number, string]>([
      ['garbage with a valid signature', Buffer.from('not json'), 400, 'malformed_json'],
      ['an unknown object', fixture('124'), 400, 'unknown_object'],
      ['object notpage', fixture('125'), 400, 'unknown_object'],
      [
        'a body over the cap',
        Buffer.from(`{"object":"page","entry":[],"x":"${'a'.repeat(600 * 1024)}"}`),
        413,
        'too_large',
      ],
    ])('refuses %s with a 4xx and publishes nothing', async (_case, body, status, reason) => {
      const { publisher, receive, metric } = setup();
      await expect(receive(body)).resolves.toEqual({ status, reason });
      expect(publisher.records).toEqual([]);
      expect(await metric('parley_gateway_rejected_bodies_total', { reason })).toBe(1);
    });

    it('answers 503 when Kafka refuses, and publishes on the redelivery', async () => {
      const { publisher, receive } = setup();
      publisher.behaviour = 'fail';
      await expect(receive(fixture('001'))).resolves.toEqual({ status: 503, reason: 'kafka_unavailable' });
      publisher.behaviour = 'ack';
      await expect(receive(fixture('001'))).resolves.toMatchObject({ status: 200, published: 1 });
    });

    it('answers 503 within the deadline when Kafka does not answer', async () => {
      const { publisher, receive } = setup();
      publisher.behaviour = 'hang';
      const started = Date.now();
      await expect(receive(fixture('001'))).resolves.toEqual({ status: 503, reason: 'kafka_unavailable' });
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('publishes nothing again for a delivery already published', async () => {
      const { publisher, receive, metric } = setup();
      await receive(fixture('036'));
      await expect(receive(fixture('036'))).resolves.toEqual({ status: 200, published: 0, duplicates: 1 });
      expect(publisher.batches).toHaveLength(1);
      expect(await metric('parley_gateway_duplicates_dropped_total', { scope: 'window' })).toBe(1);
    });

    it('publishes a redelivery with other bytes only as received, not its events again', async () => {
      const { publisher, receive } = setup();
      await receive(fixture('082'));
      await expect(receive(fixture('083'))).resolves.toEqual({ status: 200, published: 0, duplicates: 1 });
      expect(publisher.batches[1].map((r) => r.topic)).toEqual([Topics.webhookReceived]);
    });

    it('publishes an event repeated inside one delivery once', async () => {
      const { publisher, receive, metric } = setup();
      await expect(receive(fixture('016'))).resolves.toEqual({ status: 200, published: 1, duplicates: 0 });
      expect(publisher.records.filter((r) => r.topic === Topics.messagingInbound)).toHaveLength(1);
      expect(await metric('parley_gateway_duplicates_dropped_total', { scope: 'delivery' })).toBe(1);
    });

    it('publishes without the dedupe window when its database fails', async () => {
      const { publisher, recent, receive } = setup();
      recent.failing = true;
      await expect(receive(fixture('001'))).resolves.toMatchObject({ status: 200, published: 1 });
      expect(publisher.records).toHaveLength(2);
    });

    it('publishes an unknown event type as kind unknown and counts it', async () => {
      const { publisher, receive, metric } = setup();
      await receive(fixture('034'));
      const [, event] = publisher.records;
      expect(event.value).toMatchObject({
        kind: 'unknown',
        raw: { EVENT_TYPE_THAT_IS_UNSUPPORTED: expect.any(Object) },
      });
      expect(event.headers).toEqual({ parley_kind: 'unknown' });
      expect(await metric('parley_gateway_unknown_events_total', { channel: 'messenger' })).toBe(1);
      expect(await metric('parley_gateway_events_total', { kind: 'unknown' })).toBe(1);
    });

    it('publishes a delivery without messaging items as received only', async () => {
      const { publisher, receive } = setup();
      await expect(receive(fixture('091'))).resolves.toEqual({ status: 200, published: 0, duplicates: 0 });
      expect(publisher.records.map((r) => r.key)).toEqual(['instagram:0']);
    });
  });
});
