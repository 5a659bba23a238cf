import { InboundEvent } from '@app/contracts';
import { enforcementOf, isBlocked } from './page-enforcement';

const at = '2026-06-01T12:00:00.000Z';

function enforcementEvent(action: string | null, reason: string | null = null): InboundEvent {
  return {
    eventId: '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a29',
    kind: 'policy_enforcement',
    channel: 'messenger',
    accountId: '1',
    personId: null,
    userRef: null,
    conversationId: 'messenger:1',
    occurredAt: at,
    receivedAt: at,
    deliveryId: '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a30',
    isEcho: false,
    isStandby: false,
    appId: null,
    raw: {},
    policyEnforcement: { action, reason },
  };
}

describe(enforcementOf.name, () => {
  it.each<[string | null, boolean | null]>([
    ['block', true],
    ['BLOCK', true],
    ['warning', false],
    ['unblock', false],
    [null, null],
  ])('%s → blocked %s', (action, blocked) => {
    const sut = enforcementOf(enforcementEvent(action, 'spam'));
    if (blocked === null) return expect(sut).toBeNull();
    expect(sut).toEqual({ action: action!.toLowerCase(), reason: 'spam', occurredAt: new Date(at) });
    expect(isBlocked(sut)).toBe(blocked);
  });

  it('ignores other kinds', () => {
    expect(
      enforcementOf({ ...enforcementEvent('block'), kind: 'unknown', unknown: { bodyKeys: [] } } as InboundEvent),
    ).toBeNull();
  });
});
