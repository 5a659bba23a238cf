import { InboundChannel } from '@app/contracts';
import { VolumeCount, VolumeRange, VolumeReading } from '../decisions/volume';

/** The high-volume counters every replica shares: what each account sent per second and, on Instagram, per hour. */
export abstract class VolumeCountersRepository {
  /** Adds an event to its counters once: false when the event was counted before. */
  abstract count(count: VolumeCount): Promise<boolean>;
  abstract reading(channel: InboundChannel, accountId: string, range: VolumeRange): Promise<VolumeReading>;
  /** Retention: buckets before the range, and counted event ids older than any bucket kept. */
  abstract purgeBefore(range: VolumeRange): Promise<number>;
}
