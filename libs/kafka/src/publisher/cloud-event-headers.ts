import { randomUUID } from 'node:crypto';

export const CE_SPECVERSION = '1.0';
export const CORRELATION_HEADER = 'x-correlation-id';

/** An event to publish: the record key is the ordering unit (conversation id, page id). */
export interface OutgoingEvent<T = unknown> {
  readonly key: string;
  /** CloudEvents `ce_type`, e.g. `parley.messaging.inbound.v1`. */
  readonly type: string;
  /** CloudEvents `ce_id`; deterministic where the event derives from Meta's ids, so consumers dedupe. */
  readonly id: string;
  /** The value: serialised as JSON, or sent as is when it is already bytes. */
  readonly data: T;
  /** Defaults to the key. */
  readonly subject?: string;
  /** When the event happened; defaults to now. */
  readonly time?: Date | string;
  readonly contentType?: string;
  /** W3C trace context of the cause; a new trace starts when absent. */
  readonly traceparent?: string;
  /** Correlation id of the request that caused the event; a new one when absent. */
  readonly correlationId?: string;
  /** Headers beyond the common ones, e.g. `parley_kind`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** CloudEvents binary-mode headers plus trace context and correlation id, as sent on every record. */
export function cloudEventHeaders(
  event: OutgoingEvent,
  source: string,
  now: Date = new Date(),
): Record<string, string> {
  const time = event.time === undefined ? now : event.time;
  return {
    ...event.headers,
    ce_specversion: CE_SPECVERSION,
    ce_id: event.id,
    ce_source: source,
    ce_type: event.type,
    ce_time: typeof time === 'string' ? time : time.toISOString(),
    ce_subject: event.subject ?? event.key,
    'content-type': event.contentType ?? 'application/json',
    traceparent: event.traceparent ?? newTraceparent(),
    [CORRELATION_HEADER]: event.correlationId ?? randomUUID(),
  };
}

/** A new root W3C traceparent (version 00, sampled). */
export function newTraceparent(): string {
  // randomUUID draws from a pooled buffer, unlike randomBytes; a v4 UUID's 122 random bits make a fine trace id.
  const traceId = randomUUID().replaceAll('-', '');
  const spanId = randomUUID().replaceAll('-', '').slice(0, 16);
  return `00-${traceId}-${spanId}-01`;
}

export function encodeValue(data: unknown): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(JSON.stringify(data));
}

/** The CloudEvents attributes a consumer reads back from a record's headers. */
export interface IncomingEventHeaders {
  readonly id?: string;
  readonly type?: string;
  readonly source?: string;
  readonly time?: string;
  readonly subject?: string;
  readonly contentType?: string;
  readonly traceparent?: string;
  readonly correlationId?: string;
  /** All headers as strings (kafkajs hands them over as bytes, possibly repeated). */
  readonly all: Readonly<Record<string, string>>;
}

type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

export function readEventHeaders(raw: RawHeaders | undefined): IncomingEventHeaders {
  const all: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) all[name] = last.toString();
  }
  return {
    id: all.ce_id,
    type: all.ce_type,
    source: all.ce_source,
    time: all.ce_time,
    subject: all.ce_subject,
    contentType: all['content-type'],
    traceparent: all.traceparent,
    correlationId: all[CORRELATION_HEADER],
    all,
  };
}
