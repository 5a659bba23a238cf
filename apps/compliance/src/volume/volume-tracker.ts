import { InboundChannel } from '@app/contracts';
import { VolumeReading } from '../decisions/volume';

/** Counts what each Page sends and each Instagram account sends and receives, for the high-volume guard. */
export abstract class VolumeTracker {
  abstract recordSend(channel: InboundChannel, accountId: string, at: Date): void;
  /** A message sent or received that the account's volume counts (inbound messages and echoes). */
  abstract recordTraffic(channel: InboundChannel, accountId: string, at: Date): void;
  abstract reading(channel: InboundChannel, accountId: string, at: Date): VolumeReading;
}

const BUCKET_MS = 60_000;

interface AccountCounters {
  sends: number[];
  buckets: Map<number, number>;
}

/**
 * Per-process counters: outbound keys requests by Page, so one replica sees a Page's sends; the
 * Instagram volume comes from the inbound stream, which every replica reads in part.
 */
export class InMemoryVolumeTracker extends VolumeTracker {
  private readonly accounts = new Map<string, AccountCounters>();

  constructor(private readonly volumeWindowMs: number) {
    super();
  }

  recordSend(channel: InboundChannel, accountId: string, at: Date): void {
    const counters = this.counters(channel, accountId);
    counters.sends.push(at.getTime());
    this.trimSends(counters, at.getTime());
    this.recordTraffic(channel, accountId, at);
  }

  recordTraffic(channel: InboundChannel, accountId: string, at: Date): void {
    if (channel !== 'instagram') return;
    const counters = this.counters(channel, accountId);
    const bucket = Math.floor(at.getTime() / BUCKET_MS);
    counters.buckets.set(bucket, (counters.buckets.get(bucket) ?? 0) + 1);
  }

  reading(channel: InboundChannel, accountId: string, at: Date): VolumeReading {
    const counters = this.accounts.get(`${channel}:${accountId}`);
    if (!counters) return { channel, sentLastSecond: 0, windowVolume: 0 };
    this.trimSends(counters, at.getTime());
    const oldest = Math.floor((at.getTime() - this.volumeWindowMs) / BUCKET_MS);
    let windowVolume = 0;
    for (const [bucket, count] of counters.buckets) {
      if (bucket <= oldest) counters.buckets.delete(bucket);
      else windowVolume += count;
    }
    return { channel, sentLastSecond: counters.sends.length, windowVolume };
  }

  private counters(channel: InboundChannel, accountId: string): AccountCounters {
    const key = `${channel}:${accountId}`;
    let counters = this.accounts.get(key);
    if (!counters) {
      counters = { sends: [], buckets: new Map() };
      this.accounts.set(key, counters);
    }
    return counters;
  }

  private trimSends(counters: AccountCounters, now: number): void {
    const from = now - 1000;
    let drop = 0;
    while (drop < counters.sends.length && counters.sends[drop] <= from) drop++;
    if (drop > 0) counters.sends.splice(0, drop);
  }
}
