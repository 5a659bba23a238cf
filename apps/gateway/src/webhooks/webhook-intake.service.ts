import { InboundEvent, webhookDeliveryId } from '@app/contracts';
import {
  normalizeDelivery,
  parseWebhookBody,
  SignatureCheck,
  verifyWebhookSignature,
  WebhookBodyRejection,
} from '@app/meta';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from './clock';
import { GatewayMetrics } from './gateway-metrics';
import { GatewayPublisher, GatewayRecord, RequestTrace } from './gateway-record';
import { RecentPublicationsRepository } from './recent-publications.repository';
import { inboundRecordsOf, receivedRecordOf } from './webhook-records';
import { WebhookSettings } from './webhook-settings';
import { withDeadline } from './with-deadline';

export interface IncomingDelivery {
  rawBody: Buffer;
  signature: string | undefined;
  trace: RequestTrace;
}

export type IntakeOutcome =
  | { status: 200; published: number; duplicates: number }
  | { status: 401 | 403; reason: Exclude<SignatureCheck, 'valid'> }
  | { status: 400 | 413; reason: WebhookBodyRejection }
  | { status: 503; reason: 'kafka_unavailable' };

/** HTTP status of a refused body: too large is 413, anything else Meta should not resend as is is 400. */
export function statusOfRejection(reason: WebhookBodyRejection): 400 | 413 {
  return reason === 'too_large' ? 413 : 400;
}

export function statusOfSignature(check: Exclude<SignatureCheck, 'valid'>): 401 | 403 {
  return check === 'missing' ? 401 : 403;
}

/**
 * Verifies, normalizes and publishes one Meta delivery. It answers 200 only once Kafka acknowledged
 * every record, and 503 within the publish deadline otherwise, so Meta redelivers.
 */
@Injectable()
export class WebhookIntakeService {
  private readonly logger = new Logger(WebhookIntakeService.name);

  constructor(
    private readonly settings: WebhookSettings,
    private readonly publisher: GatewayPublisher,
    private readonly recent: RecentPublicationsRepository,
    private readonly metrics: GatewayMetrics,
    private readonly clock: Clock,
  ) {}

  async receive(incoming: IncomingDelivery): Promise<IntakeOutcome> {
    const check = verifyWebhookSignature(incoming.rawBody, incoming.signature, this.settings.appSecrets);
    if (check !== 'valid') {
      this.metrics.signatureFailure(check);
      this.metrics.delivery('unknown', 'unauthorized');
      return { status: statusOfSignature(check), reason: check };
    }
    const parsed = parseWebhookBody(incoming.rawBody, this.settings.bodyLimits);
    if (!parsed.ok) {
      this.metrics.rejectedBody(parsed.reason);
      this.metrics.delivery('unknown', 'rejected');
      return { status: statusOfRejection(parsed.reason), reason: parsed.reason };
    }
    const deliveryId = webhookDeliveryId(incoming.rawBody);
    const normalized = normalizeDelivery(parsed.delivery, { deliveryId, receivedAt: this.clock.now() });
    this.metrics.duplicatesDropped('delivery', normalized.duplicatesInDelivery);
    const firstEntry = parsed.delivery.entry[0];
    const received = receivedRecordOf({
      deliveryId,
      rawBody: incoming.rawBody,
      signature: incoming.signature ?? '',
      channel: normalized.channel,
      firstAccountId: firstEntry?.id === undefined ? null : String(firstEntry.id),
      receivedAt: this.clock.now(),
    });
    return this.publishFresh(normalized.channel, received, normalized.events, incoming.trace);
  }

  private async publishFresh(
    channel: string,
    received: GatewayRecord,
    events: readonly InboundEvent[],
    trace: RequestTrace,
  ): Promise<IntakeOutcome> {
    const published = await this.alreadyPublished([received.id, ...events.map((e) => e.eventId)]);
    const fresh = events.filter((e) => !published.has(e.eventId));
    const records = [...(published.has(received.id) ? [] : [received]), ...inboundRecordsOf(fresh)];
    this.metrics.duplicatesDropped('window', events.length - fresh.length);
    if (records.length === 0) {
      this.metrics.delivery(channel, 'duplicate');
      return { status: 200, published: 0, duplicates: events.length };
    }
    if (!(await this.publish(records, trace))) {
      this.metrics.delivery(channel, 'unavailable');
      return { status: 503, reason: 'kafka_unavailable' };
    }
    this.metrics.published(fresh);
    this.metrics.delivery(channel, 'published');
    // Meta's answer need not wait for this bookkeeping (the window repository bridges the insert in memory).
    void this.remember(records.map((r) => r.id));
    return { status: 200, published: fresh.length, duplicates: events.length - fresh.length };
  }

  private async publish(records: readonly GatewayRecord[], trace: RequestTrace): Promise<boolean> {
    const started = process.hrtime.bigint();
    try {
      await withDeadline(this.publisher.publish(records, trace), this.settings.publishTimeoutMs);
      this.metrics.publishDuration(Number(process.hrtime.bigint() - started) / 1e9, 'acked');
      return true;
    } catch (error) {
      this.metrics.publishDuration(Number(process.hrtime.bigint() - started) / 1e9, 'failed');
      this.logger.warn({ err: error, correlationId: trace.correlationId, records: records.length }, 'publish failed');
      return false;
    }
  }

  private async alreadyPublished(ids: readonly string[]): Promise<Set<string>> {
    try {
      const lookup = this.recent.findPublished(ids, this.settings.dedupeWindowSeconds);
      return await withDeadline(lookup, this.settings.dedupeLookupTimeoutMs);
    } catch (error) {
      this.logger.warn({ err: error }, 'dedupe lookup failed, publishing without it');
      return new Set();
    }
  }

  private async remember(ids: readonly string[]): Promise<void> {
    try {
      await withDeadline(this.recent.remember(ids), this.settings.dedupeLookupTimeoutMs);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not record published ids');
    }
  }
}
