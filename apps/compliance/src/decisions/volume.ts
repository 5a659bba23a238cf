import { InboundChannel, InboundEvent } from '@app/contracts';
import { VolumePolicy } from './messaging-policy';

export type VolumeLevel = 'ok' | 'warn' | 'deny';

export interface VolumeAssessment {
  level: VolumeLevel;
  /** Messages the Page may still send in the current second before reaching the deny level. */
  budgetPerSecond: number;
  /** Instagram only: messages left in the volume window before the deny level; null on Messenger. */
  remainingVolume: number | null;
}

export interface VolumeReading {
  channel: InboundChannel;
  /** Messages the Page sent in its busiest second of those read (see `RATE_SECONDS_READ`). */
  sentLastSecond: number;
  /** Messages sent and received by the account in the Instagram volume window. */
  windowVolume: number;
}

function levelOf(value: number, limit: number, policy: VolumePolicy): VolumeLevel {
  if (value >= limit * policy.denyRatio) return 'deny';
  if (value >= limit * policy.warnRatio) return 'warn';
  return 'ok';
}

const RANK: Record<VolumeLevel, number> = { ok: 0, warn: 1, deny: 2 };

/** Where a Page stands against Meta's high-volume limits (meta-platform.md §7.3), and its pacing budget. */
export function assessVolume(reading: VolumeReading, policy: VolumePolicy): VolumeAssessment {
  const rateDeny = Math.floor(policy.pageMessagesPerSecondLimit * policy.denyRatio);
  const budgetPerSecond = Math.max(0, rateDeny - reading.sentLastSecond);
  let level = levelOf(reading.sentLastSecond, policy.pageMessagesPerSecondLimit, policy);
  if (reading.channel !== 'instagram') return { level, budgetPerSecond, remainingVolume: null };
  const volumeLevel = levelOf(reading.windowVolume, policy.instagramVolumeLimit, policy);
  if (RANK[volumeLevel] > RANK[level]) level = volumeLevel;
  const remainingVolume = Math.max(
    0,
    Math.floor(policy.instagramVolumeLimit * policy.denyRatio) - reading.windowVolume,
  );
  return { level, budgetPerSecond: remainingVolume === 0 ? 0 : budgetPerSecond, remainingVolume };
}

const SECOND_MS = 1000;
/** The Instagram volume is counted per hour: a reading sums about 25 rows. */
export const VOLUME_BUCKET_MS = 3_600_000;
/**
 * Sends are counted from echoes, which Meta delivers a moment after the send, so the current second is
 * still filling when a decision reads it: the rate is the busiest of the current and the previous second.
 */
export const RATE_SECONDS_READ = 2;

/** The first bucket of each counter that a reading at some instant looks at. */
export interface VolumeRange {
  rateFrom: Date;
  volumeFrom: Date;
}

export function bucketStart(at: Date, sizeMs: number): Date {
  return new Date(Math.floor(at.getTime() / sizeMs) * sizeMs);
}

/**
 * Meta states no window for the Instagram 72 000 messages (§7.3); the policy's window (24 h by default)
 * is counted in whole hours, the hour it starts in included: a reading may count up to an hour's traffic
 * too many, never too few.
 */
export function readingRange(at: Date, policy: VolumePolicy): VolumeRange {
  return {
    rateFrom: bucketStart(new Date(at.getTime() - (RATE_SECONDS_READ - 1) * SECOND_MS), SECOND_MS),
    volumeFrom: bucketStart(new Date(at.getTime() - policy.instagramVolumeWindowMs), VOLUME_BUCKET_MS),
  };
}

/** What one inbound event adds to its account's counters. */
export interface VolumeCount {
  eventId: string;
  channel: InboundChannel;
  accountId: string;
  /** Start of the second the message counts in, toward the send rate; null for a message received. */
  rateSecond: Date | null;
  /** Start of the hour the message counts in, toward the Instagram volume; null on Messenger. */
  volumeHour: Date | null;
  occurredAt: Date;
}

/**
 * The counters an inbound event adds to, by Meta's timestamp; null when it adds to none, or is older than
 * any reading looks at (and than the dedupe ids kept, so a late redelivery cannot count twice).
 *
 * A message the account sent is counted from its echo and nothing else. Meta echoes every message a Page
 * or Instagram account sends, whether Parley, another app or a person in the Page Inbox sent it (tokens
 * subscribes every Page to `message_echoes`; Instagram echoes come with `messages`), and Meta's limits count
 * all of them. `messaging.outbound.status.v1` knows only Parley's own sends: counting its `sent` steps too
 * would count Parley's messages twice and still miss the inbox's, so compliance does not consume it.
 */
export function volumeCountOf(event: InboundEvent, now: Date, policy: VolumePolicy): VolumeCount | null {
  if (event.kind !== 'echo' && event.kind !== 'message') return null;
  const sent = event.kind === 'echo';
  const instagram = event.channel === 'instagram';
  if (!sent && !instagram) return null;
  const occurredAt = new Date(event.occurredAt);
  if (occurredAt.getTime() < readingRange(now, policy).volumeFrom.getTime()) return null;
  return {
    eventId: event.eventId,
    channel: event.channel,
    accountId: event.accountId,
    rateSecond: sent ? bucketStart(occurredAt, SECOND_MS) : null,
    volumeHour: instagram ? bucketStart(occurredAt, VOLUME_BUCKET_MS) : null,
    occurredAt,
  };
}
