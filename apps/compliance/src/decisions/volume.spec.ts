import { InboundChannel, InboundEvent } from '@app/contracts';
import { DEFAULT_MESSAGING_POLICY } from './messaging-policy';
import { assessVolume, readingRange, VolumeAssessment, volumeCountOf, VolumeReading } from './volume';

const POLICY = DEFAULT_MESSAGING_POLICY.volume;
const NOW = new Date('2026-06-01T12:30:00.400Z');

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

describe(readingRange.name, () => {
  it('reads the current and the previous second, and the 24 h window in whole hours', () => {
    expect(readingRange(NOW, POLICY)).toEqual({
      rateFrom: new Date('2026-06-01T12:29:59.000Z'),
      volumeFrom: new Date('2026-05-31T12:00:00.000Z'),
    });
  });
});

describe(volumeCountOf.name, () => {
  function event(kind: 'message' | 'echo' | 'read', channel: InboundChannel, occurredAt = NOW): InboundEvent {
    return {
      eventId: '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a29',
      kind,
      channel,
      accountId: '1',
      personId: '2',
      userRef: null,
      conversationId: `${channel}:1:2`,
      occurredAt: occurredAt.toISOString(),
      receivedAt: NOW.toISOString(),
      deliveryId: '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a30',
      isEcho: kind === 'echo',
      isStandby: false,
      appId: kind === 'echo' ? '263902037430900' : null,
      raw: {},
      ...(kind === 'read'
        ? { read: { watermark: null, mid: 'm1' } }
        : {
            message: {
              mid: 'm1',
              text: 'hi',
              attachments: [],
              quickReplyPayload: null,
              replyTo: null,
              referral: null,
              metadata: null,
              isUnsupported: false,
              isSelf: false,
            },
          }),
    } as InboundEvent;
  }
  const second = new Date('2026-06-01T12:30:00.000Z');
  const hour = new Date('2026-06-01T12:00:00.000Z');

  it.each<[string, InboundEvent, { rateSecond: Date | null; volumeHour: Date | null } | null]>([
    ['a Messenger echo counts toward the rate', event('echo', 'messenger'), { rateSecond: second, volumeHour: null }],
    ['a Messenger message counts for nothing', event('message', 'messenger'), null],
    ['an Instagram echo counts toward both', event('echo', 'instagram'), { rateSecond: second, volumeHour: hour }],
    [
      'an Instagram message counts toward the volume',
      event('message', 'instagram'),
      { rateSecond: null, volumeHour: hour },
    ],
    ['a read counts for nothing', event('read', 'instagram'), null],
    [
      'an echo in the oldest hour read still counts',
      event('echo', 'instagram', new Date('2026-05-31T12:00:00.000Z')),
      { rateSecond: new Date('2026-05-31T12:00:00.000Z'), volumeHour: new Date('2026-05-31T12:00:00.000Z') },
    ],
    [
      'an echo older than every reading counts for nothing',
      event('echo', 'instagram', new Date('2026-05-31T11:59:59.999Z')),
      null,
    ],
  ])('%s', (_case, inbound, expected) => {
    const sut = volumeCountOf(inbound, NOW, POLICY);
    expect(sut).toEqual(
      expected && {
        eventId: inbound.eventId,
        channel: inbound.channel,
        accountId: '1',
        occurredAt: new Date(inbound.occurredAt),
        ...expected,
      },
    );
  });
});
