import { MetaCallbackEvent, Topics, validateTopicPayload } from '@app/contracts';
import { createSignedRequest, DEFAULT_WEBHOOK_BODY_LIMITS } from '@app/meta';
import { Registry } from 'prom-client';
import { Clock } from './clock';
import { GatewayMetrics } from './gateway-metrics';
import { GatewayPublisher, GatewayRecord } from './gateway-record';
import { deletionStatusUrl, MetaCallbackService } from './meta-callback.service';
import { WebhookSettings } from './webhook-settings';

const SECRET = 'app-secret';
const trace = (correlationId: string) => ({ correlationId, traceparent: `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01` });
const payload = { algorithm: 'HMAC-SHA256', issued_at: 1291836800, user_id: '218471' };

class RecordingPublisher extends GatewayPublisher {
  records: GatewayRecord[] = [];
  down = false;
  publish(records: readonly GatewayRecord[]): Promise<void> {
    if (this.down) return Promise.reject(new Error('down'));
    this.records.push(...records);
    return Promise.resolve();
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
    verifyToken: 'v',
    bodyLimits: DEFAULT_WEBHOOK_BODY_LIMITS,
    publishTimeoutMs: 100,
    dedupeWindowSeconds: 60,
    dedupeLookupTimeoutMs: 100,
    publicUrl: 'https://parley.example/',
  };
  const publisher = new RecordingPublisher();
  const sut = new MetaCallbackService(settings, publisher, new GatewayMetrics(new Registry()), new FixedClock());
  return { sut, publisher };
}

describe(MetaCallbackService.name, () => {
  describe('receive', () => {
    it("answers a data-deletion callback with Meta's {url, confirmation_code} and publishes it", async () => {
      const { sut, publisher } = setup();
      const outcome = await sut.receive('data_deletion', createSignedRequest(payload, SECRET), trace('c'));
      const [record] = publisher.records;
      const event = record.value as MetaCallbackEvent;
      expect(outcome).toEqual({
        status: 200,
        body: { url: event.statusUrl, confirmation_code: event.confirmationCode },
      });
      expect(event.confirmationCode).toMatch(/^[0-9A-F]{16}$/);
      expect(event.statusUrl).toBe(deletionStatusUrl('https://parley.example', event.confirmationCode ?? ''));
      expect(record).toMatchObject({ topic: Topics.metaCallbackReceived, key: '218471', id: event.callbackId });
      expect(event).toMatchObject({
        kind: 'data_deletion',
        appScopedUserId: '218471',
        issuedAt: '2010-12-08T19:33:20.000Z',
      });
      expect(validateTopicPayload(Topics.metaCallbackReceived, event)).toEqual({ valid: true, errors: [] });
    });

    it('gives a retried callback the same confirmation code', async () => {
      const { sut } = setup();
      const signed = createSignedRequest(payload, SECRET);
      expect(await sut.receive('data_deletion', signed, trace('c'))).toEqual(
        await sut.receive('data_deletion', signed, trace('d')),
      );
    });

    it('publishes a deauthorize callback without a confirmation code', async () => {
      const { sut, publisher } = setup();
      await expect(sut.receive('deauthorize', createSignedRequest(payload, SECRET), trace('c'))).resolves.toEqual({
        status: 200,
        body: { success: true },
      });
      expect(publisher.records[0].value).toMatchObject({
        kind: 'deauthorize',
        confirmationCode: null,
        statusUrl: null,
      });
    });

    it.each<[string, unknown, number]>([
      ['no signed_request', undefined, 400],
      ['an empty signed_request', '', 400],
      ['another secret', createSignedRequest(payload, 'other'), 403],
      ['another algorithm', createSignedRequest({ ...payload, algorithm: 'MD5' }, SECRET), 400],
    ])('refuses %s and publishes nothing', async (_case, signed, status) => {
      const { sut, publisher } = setup();
      await expect(sut.receive('data_deletion', signed, trace('c'))).resolves.toMatchObject({ status });
      expect(publisher.records).toEqual([]);
    });

    it('answers 503 when Kafka is down', async () => {
      const { sut, publisher } = setup();
      publisher.down = true;
      await expect(sut.receive('deauthorize', createSignedRequest(payload, SECRET), trace('c'))).resolves.toEqual({
        status: 503,
        reason: 'kafka_unavailable',
      });
    });
  });
});
