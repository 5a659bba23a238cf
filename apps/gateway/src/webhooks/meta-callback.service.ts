import {
  deletionConfirmationCode,
  metaCallbackId,
  MetaCallbackEvent,
  MetaCallbackKind,
  TOPIC_CONTRACTS,
  Topics,
} from '@app/contracts';
import { isoTime, verifySignedRequest } from '@app/meta';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from './clock';
import { GatewayMetrics } from './gateway-metrics';
import { GatewayPublisher, GatewayRecord, RequestTrace } from './gateway-record';
import { WebhookSettings } from './webhook-settings';
import { withDeadline } from './with-deadline';

export type CallbackOutcome =
  | { status: 200; body: { url: string; confirmation_code: string } | { success: true } }
  | { status: 400 | 403; reason: string }
  | { status: 503; reason: 'kafka_unavailable' };

/** Where a person follows their data-deletion request (served by compliance). */
export function deletionStatusUrl(publicUrl: string, confirmationCode: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/privacy/deletion-status?code=${encodeURIComponent(confirmationCode)}`;
}

export function callbackEventOf(
  kind: MetaCallbackKind,
  verified: { payload: { user_id: string; issued_at?: number; [key: string]: unknown }; encodedPayload: string },
  receivedAt: Date,
  publicUrl: string,
): MetaCallbackEvent {
  const callbackId = metaCallbackId(kind, verified.encodedPayload);
  const confirmationCode = kind === 'data_deletion' ? deletionConfirmationCode(callbackId) : null;
  return {
    callbackId,
    kind,
    appScopedUserId: verified.payload.user_id,
    issuedAt: isoTime(verified.payload.issued_at),
    receivedAt: receivedAt.toISOString(),
    confirmationCode,
    statusUrl: confirmationCode ? deletionStatusUrl(publicUrl, confirmationCode) : null,
    payload: verified.payload,
  };
}

/** Meta's deauthorize and data-deletion callbacks: verified, then published for tokens and compliance. */
@Injectable()
export class MetaCallbackService {
  private readonly logger = new Logger(MetaCallbackService.name);

  constructor(
    private readonly settings: WebhookSettings,
    private readonly publisher: GatewayPublisher,
    private readonly metrics: GatewayMetrics,
    private readonly clock: Clock,
  ) {}

  async receive(kind: MetaCallbackKind, signedRequest: unknown, trace: RequestTrace): Promise<CallbackOutcome> {
    if (typeof signedRequest !== 'string' || signedRequest === '') {
      this.metrics.callback(kind, 'malformed');
      return { status: 400, reason: 'signed_request is required' };
    }
    const verified = verifySignedRequest(signedRequest, this.settings.appSecrets);
    if (!verified.ok) {
      this.metrics.callback(kind, verified.reason);
      if (verified.reason === 'bad_signature') this.metrics.signatureFailure('signed_request');
      return { status: verified.reason === 'bad_signature' ? 403 : 400, reason: verified.reason };
    }
    const event = callbackEventOf(kind, verified, this.clock.now(), this.settings.publicUrl);
    const record: GatewayRecord = {
      topic: Topics.metaCallbackReceived,
      key: event.appScopedUserId,
      id: event.callbackId,
      type: TOPIC_CONTRACTS[Topics.metaCallbackReceived]?.ceType ?? Topics.metaCallbackReceived,
      time: event.issuedAt ?? event.receivedAt,
      value: event,
      headers: {},
    };
    try {
      await withDeadline(this.publisher.publish([record], trace), this.settings.publishTimeoutMs);
    } catch (error) {
      this.logger.warn({ err: error, correlationId: trace.correlationId, kind }, 'publish failed');
      this.metrics.callback(kind, 'unavailable');
      return { status: 503, reason: 'kafka_unavailable' };
    }
    this.metrics.callback(kind, 'published');
    return event.confirmationCode && event.statusUrl
      ? { status: 200, body: { url: event.statusUrl, confirmation_code: event.confirmationCode } }
      : { status: 200, body: { success: true } };
  }
}
