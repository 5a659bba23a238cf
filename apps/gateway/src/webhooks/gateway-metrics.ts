import { InboundEvent } from '@app/contracts';
import { Counter, Histogram, Registry } from 'prom-client';

export type DeliveryOutcome = 'published' | 'duplicate' | 'rejected' | 'unauthorized' | 'unavailable';

/** The gateway's Prometheus metrics (`parley_gateway_*`). */
export class GatewayMetrics {
  private readonly deliveries: Counter<'channel' | 'outcome'>;
  private readonly events: Counter<'channel' | 'kind' | 'standby'>;
  private readonly unknownEvents: Counter<'channel'>;
  private readonly signatureFailures: Counter<'reason'>;
  private readonly rejectedBodies: Counter<'reason'>;
  private readonly duplicates: Counter<'scope'>;
  private readonly publishSeconds: Histogram<'outcome'>;
  private readonly callbacks: Counter<'kind' | 'outcome'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.deliveries = new Counter({
      name: 'parley_gateway_deliveries_total',
      help: 'Meta webhook deliveries by channel and outcome.',
      labelNames: ['channel', 'outcome'],
      registers,
    });
    this.events = new Counter({
      name: 'parley_gateway_events_total',
      help: 'Messaging events published to messaging.inbound.v1, by channel, kind and standby.',
      labelNames: ['channel', 'kind', 'standby'],
      registers,
    });
    this.unknownEvents = new Counter({
      name: 'parley_gateway_unknown_events_total',
      help: 'Messaging events of a type the gateway does not know, published as kind unknown.',
      labelNames: ['channel'],
      registers,
    });
    this.signatureFailures = new Counter({
      name: 'parley_gateway_signature_failures_total',
      help: 'Deliveries and callbacks refused for a missing, malformed or wrong signature.',
      labelNames: ['reason'],
      registers,
    });
    this.rejectedBodies = new Counter({
      name: 'parley_gateway_rejected_bodies_total',
      help: 'Signed deliveries refused for their body (size, depth, JSON, object, entries).',
      labelNames: ['reason'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'parley_gateway_duplicates_dropped_total',
      help: 'Records not published again: repeated inside a delivery, or already published within the window.',
      labelNames: ['scope'],
      registers,
    });
    this.publishSeconds = new Histogram({
      name: 'parley_gateway_publish_duration_seconds',
      help: 'Time from publishing a delivery until Kafka acknowledged every record.',
      labelNames: ['outcome'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.callbacks = new Counter({
      name: 'parley_gateway_callbacks_total',
      help: "Meta's deauthorize and data-deletion callbacks by outcome.",
      labelNames: ['kind', 'outcome'],
      registers,
    });
  }

  delivery(channel: string, outcome: DeliveryOutcome): void {
    this.deliveries.inc({ channel, outcome });
  }

  signatureFailure(reason: string): void {
    this.signatureFailures.inc({ reason });
  }

  rejectedBody(reason: string): void {
    this.rejectedBodies.inc({ reason });
  }

  published(events: readonly InboundEvent[]): void {
    for (const event of events) {
      this.events.inc({ channel: event.channel, kind: event.kind, standby: String(event.isStandby) });
      if (event.kind === 'unknown') this.unknownEvents.inc({ channel: event.channel });
    }
  }

  duplicatesDropped(scope: 'delivery' | 'window', count: number): void {
    if (count > 0) this.duplicates.inc({ scope }, count);
  }

  publishDuration(seconds: number, outcome: 'acked' | 'failed'): void {
    this.publishSeconds.observe({ outcome }, seconds);
  }

  callback(kind: string, outcome: string): void {
    this.callbacks.inc({ kind, outcome });
  }
}
