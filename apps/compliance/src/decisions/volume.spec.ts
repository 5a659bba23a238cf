import { DEFAULT_MESSAGING_POLICY } from './messaging-policy';
import { assessVolume, VolumeAssessment, VolumeReading } from './volume';

// Defaults: warn at 60 %, deny at 80 % of Meta's 40 msg/s and 72 000 messages.
describe(assessVolume.name, () => {
  it.each<[string, VolumeReading, VolumeAssessment]>([
    [
      'an idle Page',
      { channel: 'messenger', sentLastSecond: 0, windowVolume: 0 },
      { level: 'ok', budgetPerSecond: 32, remainingVolume: null },
    ],
    [
      'just under warn',
      { channel: 'messenger', sentLastSecond: 23, windowVolume: 0 },
      { level: 'ok', budgetPerSecond: 9, remainingVolume: null },
    ],
    [
      'at warn',
      { channel: 'messenger', sentLastSecond: 24, windowVolume: 0 },
      { level: 'warn', budgetPerSecond: 8, remainingVolume: null },
    ],
    [
      'at deny',
      { channel: 'messenger', sentLastSecond: 32, windowVolume: 0 },
      { level: 'deny', budgetPerSecond: 0, remainingVolume: null },
    ],
    [
      'past Meta',
      { channel: 'messenger', sentLastSecond: 45, windowVolume: 0 },
      { level: 'deny', budgetPerSecond: 0, remainingVolume: null },
    ],
    [
      'Messenger ignores volume',
      { channel: 'messenger', sentLastSecond: 0, windowVolume: 100_000 },
      { level: 'ok', budgetPerSecond: 32, remainingVolume: null },
    ],
    [
      'Instagram under warn',
      { channel: 'instagram', sentLastSecond: 0, windowVolume: 43_199 },
      { level: 'ok', budgetPerSecond: 32, remainingVolume: 14_401 },
    ],
    [
      'Instagram at warn volume',
      { channel: 'instagram', sentLastSecond: 0, windowVolume: 43_200 },
      { level: 'warn', budgetPerSecond: 32, remainingVolume: 14_400 },
    ],
    [
      'Instagram at deny volume',
      { channel: 'instagram', sentLastSecond: 0, windowVolume: 57_600 },
      { level: 'deny', budgetPerSecond: 0, remainingVolume: 0 },
    ],
    [
      'Instagram rate worse than volume',
      { channel: 'instagram', sentLastSecond: 33, windowVolume: 10 },
      { level: 'deny', budgetPerSecond: 0, remainingVolume: 57_590 },
    ],
  ])('%s', (_case, reading, expected) => {
    expect(assessVolume(reading, DEFAULT_MESSAGING_POLICY.volume)).toEqual(expected);
  });
});
