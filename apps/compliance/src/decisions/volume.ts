import { InboundChannel } from '@app/contracts';
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
  /** Messages the Page sent in the last second. */
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
