import { MessagingItem } from './events';

export type WebhookObject = 'page' | 'instagram';

export interface PendingEvent {
  id: string;
  object: WebhookObject;
  /** `entry[].id`: the Page id, or the Instagram professional account id. */
  accountId: string;
  kind: 'messaging' | 'standby';
  item: MessagingItem;
}

export interface DeliveryEntry {
  id: string;
  time: number;
  messaging?: MessagingItem[];
  standby?: MessagingItem[];
}

export interface DeliveryBody {
  object: WebhookObject;
  entry: DeliveryEntry[];
}

export interface PlannedDelivery {
  eventIds: string[];
  body: DeliveryBody;
}

export interface BatchOptions {
  /** Most items Meta puts in one POST; Graph webhooks allow up to 1000. */
  maxEventsPerDelivery: number;
  /** Deliberately ship each event alone and in reverse order, as retried deliveries arrive in life. */
  reorder: boolean;
  now: number;
}

/**
 * Groups one app's pending events (in creation order) into webhook POST bodies the way Meta batches:
 * one body per object type run, one entry per account and list kind, several items per entry.
 */
export function planDeliveries(events: readonly PendingEvent[], options: BatchOptions): PlannedDelivery[] {
  if (options.reorder) {
    return [...events].reverse().map((e) => ({ eventIds: [e.id], body: bodyOf([e], options.now) }));
  }
  const planned: PlannedDelivery[] = [];
  let run: PendingEvent[] = [];
  const flush = () => {
    if (run.length > 0) planned.push({ eventIds: run.map((e) => e.id), body: bodyOf(run, options.now) });
    run = [];
  };
  for (const event of events) {
    if (run.length > 0 && (run[0].object !== event.object || run.length >= options.maxEventsPerDelivery)) flush();
    run.push(event);
  }
  flush();
  return planned;
}

function bodyOf(events: readonly PendingEvent[], now: number): DeliveryBody {
  const entries = new Map<string, DeliveryEntry>();
  for (const e of events) {
    const key = `${e.accountId}\u0000${e.kind}`;
    let entry = entries.get(key);
    if (entry === undefined) {
      entry = { id: e.accountId, time: now, [e.kind]: [] };
      entries.set(key, entry);
    }
    entry[e.kind]?.push(e.item);
  }
  return { object: events[0].object, entry: [...entries.values()] };
}
