import { resolve } from 'node:path';
import { InboundEvent } from '@app/contracts';
import { DEFAULT_WEBHOOK_BODY_LIMITS, loadMetaFixtures, normalizeDelivery, parseWebhookBody } from '@app/meta';
import { stateChangeOf } from './conversation-state';
import { DEFAULT_MESSAGING_POLICY } from './messaging-policy';

const fixtures = loadMetaFixtures(resolve(__dirname, '../../../..', '../shared/meta-fixtures'));
const context = {
  deliveryId: '00000000-0000-5000-8000-000000000000',
  receivedAt: new Date('2026-01-02T03:04:05.000Z'),
};

const events: InboundEvent[] = fixtures.flatMap((fixture) => {
  const parsed = parseWebhookBody(fixture.bytes, DEFAULT_WEBHOOK_BODY_LIMITS);
  return parsed.ok ? normalizeDelivery(parsed.delivery, context).events : [];
});

const OPENING_KINDS = new Set(['message', 'postback', 'referral']);

describe(`${stateChangeOf.name} over recorded Meta deliveries`, () => {
  it('has events of both channels to work on', () => {
    expect(new Set(events.map((e) => e.channel))).toEqual(new Set(['messenger', 'instagram']));
  });

  it('records the notification-messages token of a recorded opt-in', () => {
    const optin = events.find((e) => e.kind === 'optin' && e.optin.type === 'notification_messages');
    expect(optin && stateChangeOf(optin, DEFAULT_MESSAGING_POLICY).token).toEqual({
      token: '12345678901234567890',
      expiresAt: new Date(2145916800000),
      active: true,
      changedAt: new Date(optin!.occurredAt),
    });
  });

  it.each(events.map((e) => [`${e.channel} ${e.kind}${e.isEcho ? ' (echo)' : ''} ${e.eventId}`, e] as const))(
    '%s',
    (_name, event) => {
      const change = stateChangeOf(event, DEFAULT_MESSAGING_POLICY);
      const reacts = event.kind === 'reaction' && event.reaction.action === 'react';
      const pluginOptin = event.kind === 'optin' && event.optin.type === null;
      const opens =
        event.personId !== null && !event.isEcho && (OPENING_KINDS.has(event.kind) || reacts || pluginOptin);
      expect(change.userActionAt).toEqual(opens ? new Date(event.occurredAt) : null);
    },
  );
});
