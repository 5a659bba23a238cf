import { Topics } from '@app/contracts';
import { EventPublisher, KafkaHealth, OutgoingEvent } from '@app/kafka';
import { GatewayRecord } from './gateway-record';
import { byTopic, KafkaGatewayPublisher, KafkaUnavailableError } from './kafka-gateway.publisher';

const trace = { correlationId: 'corr', traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` };
const record = (topic: GatewayRecord['topic'], id: string): GatewayRecord => ({
  topic,
  key: `k-${id}`,
  id,
  type: 't',
  time: '2026-01-01T00:00:00.000Z',
  value: { id },
  headers: { parley_kind: 'message' },
});

class ScriptedPublisher extends EventPublisher {
  sent: [string, OutgoingEvent[]][] = [];
  failing = false;
  publish(topic: Parameters<EventPublisher['publish']>[0], events: readonly OutgoingEvent[]): Promise<void> {
    if (this.failing) return Promise.reject(new Error('broker down'));
    this.sent.push([topic, [...events]]);
    return Promise.resolve();
  }
}

class ScriptedHealth {
  ready = false;
  isKafkaReady(): Promise<boolean> {
    return Promise.resolve(this.ready);
  }
}

describe(byTopic.name, () => {
  it('groups records by topic in their order, with the request trace', () => {
    const sut = byTopic(
      [record(Topics.webhookReceived, 'r'), record(Topics.messagingInbound, 'a'), record(Topics.messagingInbound, 'b')],
      trace,
    );
    expect([...sut.keys()]).toEqual([Topics.webhookReceived, Topics.messagingInbound]);
    expect(sut.get(Topics.messagingInbound)?.map((e) => e.id)).toEqual(['a', 'b']);
    expect(sut.get(Topics.messagingInbound)?.[0]).toMatchObject({
      key: 'k-a',
      data: { id: 'a' },
      correlationId: 'corr',
      traceparent: trace.traceparent,
      headers: { parley_kind: 'message' },
    });
  });
});

describe(KafkaGatewayPublisher.name, () => {
  function setup() {
    const publisher = new ScriptedPublisher();
    const health = new ScriptedHealth();
    const sut = new KafkaGatewayPublisher(publisher, health as unknown as KafkaHealth, {
      timeoutMs: 50,
      probeIntervalMs: 10,
    });
    return { sut, publisher, health };
  }

  it('publishes every topic of a delivery', async () => {
    const { sut, publisher } = setup();
    await sut.publish([record(Topics.webhookReceived, 'r'), record(Topics.messagingInbound, 'a')], trace);
    expect(publisher.sent.map(([topic]) => topic)).toEqual([Topics.webhookReceived, Topics.messagingInbound]);
  });

  it('refuses at once after a failure, until a probe finds Kafka again', async () => {
    const { sut, publisher, health } = setup();
    publisher.failing = true;
    await expect(sut.publish([record(Topics.messagingInbound, 'a')], trace)).rejects.toThrow('broker down');
    expect(sut.isAvailable()).toBe(false);
    publisher.failing = false;
    await expect(sut.publish([record(Topics.messagingInbound, 'b')], trace)).rejects.toThrow(KafkaUnavailableError);
    health.ready = true;
    const deadline = Date.now() + 2000;
    while (!sut.isAvailable() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await expect(sut.publish([record(Topics.messagingInbound, 'c')], trace)).resolves.toBeUndefined();
    sut.onApplicationShutdown();
  });
});
