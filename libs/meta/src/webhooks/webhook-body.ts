import { MetaWebhookDelivery, MetaWebhookEntry } from './webhook-payload.types';

export interface WebhookBodyLimits {
  maxBytes: number;
  /** Nesting of objects and arrays; Meta's deepest messaging payloads stay under 10. */
  maxDepth: number;
  maxEntries: number;
  /** messaging[] + standby[] items across all entries (Meta batches at most 1000 updates). */
  maxEvents: number;
}

export const DEFAULT_WEBHOOK_BODY_LIMITS: WebhookBodyLimits = {
  maxBytes: 512 * 1024,
  maxDepth: 32,
  maxEntries: 1000,
  maxEvents: 1000,
};

export type WebhookBodyRejection =
  | 'empty'
  | 'too_large'
  | 'not_utf8'
  | 'too_deep'
  | 'malformed_json'
  | 'not_an_object'
  | 'unknown_object'
  | 'invalid_envelope'
  | 'too_many_entries'
  | 'too_many_events';

export type WebhookBodyResult =
  { ok: true; delivery: MetaWebhookDelivery; messagingItems: number } | { ok: false; reason: WebhookBodyRejection };

const utf8 = new TextDecoder('utf-8', { fatal: true });

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

function isNumberChar(c: number): boolean {
  return (c >= DIGIT_0 && c <= DIGIT_9) || c === MINUS || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
}

interface Scan {
  tooDeep: boolean;
  /** [start, end) of integer literals that a double cannot hold exactly. */
  unsafeIntegers: [number, number][];
}

/**
 * One pass over the text outside strings: nesting depth (checked before JSON.parse builds anything)
 * and integer literals beyond 2^53, which JSON.parse would silently round (Meta ids are such numbers).
 */
function scan(text: string, maxDepth: number): Scan {
  const unsafeIntegers: [number, number][] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i += 2;
        else if (s === QUOTE) break;
        else i++;
      }
      i++;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return { tooDeep: true, unsafeIntegers };
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      i++;
    } else if (c === MINUS || (c >= DIGIT_0 && c <= DIGIT_9)) {
      const start = i;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      const literal = text.slice(start, i);
      if (literal.length > 15 && /^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        unsafeIntegers.push([start, i]);
      }
    } else {
      i++;
    }
  }
  return { tooDeep: false, unsafeIntegers };
}

function quoteUnsafeIntegers(text: string, ranges: [number, number][]): string {
  let out = '';
  let from = 0;
  for (const [start, end] of ranges) {
    out += `${text.slice(from, start)}"${text.slice(start, end)}"`;
    from = end;
  }
  return out + text.slice(from);
}

/** Parses JSON keeping every digit: integers beyond 2^53 become strings. */
export function parseJsonLossless(text: string, maxDepth: number): { value: unknown } | 'too_deep' | 'malformed_json' {
  const scanned = scan(text, maxDepth);
  if (scanned.tooDeep) return 'too_deep';
  const source = scanned.unsafeIntegers.length ? quoteUnsafeIntegers(text, scanned.unsafeIntegers) : text;
  try {
    return { value: JSON.parse(source) as unknown };
  } catch {
    return 'malformed_json';
  }
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function itemsOf(entry: MetaWebhookEntry, key: 'messaging' | 'standby'): number | null {
  const items = entry[key];
  if (items === undefined) return 0;
  if (!Array.isArray(items) || !items.every(isObject)) return null;
  return items.length;
}

function countItems(entries: unknown[]): number | null {
  let total = 0;
  for (const entry of entries) {
    if (!isObject(entry)) return null;
    const messaging = itemsOf(entry, 'messaging');
    const standby = itemsOf(entry, 'standby');
    if (messaging === null || standby === null) return null;
    total += messaging + standby;
  }
  return total;
}

/**
 * Decodes and checks a webhook body whose signature was already verified. Pure: the same bytes always
 * give the same answer, and nothing here can throw.
 */
export function parseWebhookBody(rawBody: Uint8Array, limits: WebhookBodyLimits): WebhookBodyResult {
  if (rawBody.byteLength === 0) return { ok: false, reason: 'empty' };
  if (rawBody.byteLength > limits.maxBytes) return { ok: false, reason: 'too_large' };
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch {
    return { ok: false, reason: 'not_utf8' };
  }
  const parsed = parseJsonLossless(text, limits.maxDepth);
  if (parsed === 'too_deep' || parsed === 'malformed_json') return { ok: false, reason: parsed };
  const body = parsed.value;
  if (!isObject(body)) return { ok: false, reason: 'not_an_object' };
  if (body.object !== 'page' && body.object !== 'instagram') return { ok: false, reason: 'unknown_object' };
  if (!Array.isArray(body.entry)) return { ok: false, reason: 'invalid_envelope' };
  if (body.entry.length > limits.maxEntries) return { ok: false, reason: 'too_many_entries' };
  const messagingItems = countItems(body.entry);
  if (messagingItems === null) return { ok: false, reason: 'invalid_envelope' };
  if (messagingItems > limits.maxEvents) return { ok: false, reason: 'too_many_events' };
  return { ok: true, delivery: body as unknown as MetaWebhookDelivery, messagingItems };
}
