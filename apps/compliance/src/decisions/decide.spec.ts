import { InboundChannel, MessagingType } from '@app/contracts';
import { ConversationState, emptyState } from './conversation-state';
import { decide, Decision, SendRequest, windowView } from './decide';
import { DEFAULT_MESSAGING_POLICY } from './messaging-policy';
import { VolumeAssessment } from './volume';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const T0 = new Date('2026-06-01T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const CHANNELS: InboundChannel[] = ['messenger', 'instagram'];

function state(channel: InboundChannel, overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    ...emptyState({ conversationId: `${channel}:1:2`, channel, accountId: '1', personId: '2' }),
    lastUserActionAt: T0,
    ...overrides,
  };
}

function request(channel: InboundChannel, overrides: Partial<SendRequest> = {}): SendRequest {
  return {
    channel,
    messagingType: 'RESPONSE',
    tag: null,
    isHumanAgent: false,
    notificationToken: null,
    templateType: null,
    ...overrides,
  };
}

type Expected = Pick<Decision, 'allowed' | 'reason' | 'rule'> & { deadline?: Date | null };

function expectDecision(actual: Decision, expected: Expected): void {
  expect(actual).toEqual({ deadline: null, ...expected });
}

describe(decide.name, () => {
  const sut = (s: ConversationState | null, r: SendRequest, now: Date, volume: VolumeAssessment | null = null) =>
    decide(s, r, now, DEFAULT_MESSAGING_POLICY, volume);

  describe.each(CHANNELS)('on %s', (channel) => {
    describe('standard window', () => {
      it.each<[string, MessagingType, number, Expected]>([
        [
          'RESPONSE 1 s before 24 h',
          'RESPONSE',
          DAY - SECOND,
          { allowed: true, reason: 'window_open', rule: 'standard_window', deadline: at(DAY) },
        ],
        [
          'UPDATE 1 s before 24 h',
          'UPDATE',
          DAY - SECOND,
          { allowed: true, reason: 'window_open', rule: 'standard_window', deadline: at(DAY) },
        ],
        ['RESPONSE at 24 h', 'RESPONSE', DAY, { allowed: false, reason: 'window_closed', rule: 'standard_window' }],
        [
          'RESPONSE 1 s after 24 h',
          'RESPONSE',
          DAY + SECOND,
          { allowed: false, reason: 'window_closed', rule: 'standard_window' },
        ],
        [
          'UPDATE 1 s after 24 h',
          'UPDATE',
          DAY + SECOND,
          { allowed: false, reason: 'window_closed', rule: 'standard_window' },
        ],
      ])('%s', (_case, messagingType, elapsed, expected) => {
        expectDecision(sut(state(channel), request(channel, { messagingType }), at(elapsed)), expected);
      });
    });

    describe('a person who never wrote', () => {
      it.each<[string, ConversationState | null]>([
        ['unknown conversation', null],
        ['known without any action of the person', state(channel, { lastUserActionAt: null })],
      ])('%s is denied', (_case, s) => {
        for (const messagingType of ['RESPONSE', 'UPDATE'] as const) {
          expectDecision(sut(s, request(channel, { messagingType }), T0), {
            allowed: false,
            reason: 'never_wrote',
            rule: 'user_initiated',
          });
        }
        expectDecision(
          sut(s, request(channel, { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', isHumanAgent: true }), T0),
          { allowed: false, reason: 'never_wrote', rule: 'user_initiated' },
        );
      });
    });

    describe('HUMAN_AGENT', () => {
      const tagged = (isHumanAgent: boolean) =>
        request(channel, { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', isHumanAgent });

      it.each<[string, boolean, number, Expected]>([
        [
          'a human 1 s after 24 h',
          true,
          DAY + SECOND,
          { allowed: true, reason: 'tag_window_open', rule: 'human_agent_tag', deadline: at(7 * DAY) },
        ],
        [
          'a human 1 s before 7 days',
          true,
          7 * DAY - SECOND,
          { allowed: true, reason: 'tag_window_open', rule: 'human_agent_tag', deadline: at(7 * DAY) },
        ],
        [
          'a human 1 s after 7 days',
          true,
          7 * DAY + SECOND,
          { allowed: false, reason: 'tag_window_closed', rule: 'human_agent_tag' },
        ],
        [
          'an automated sender inside 7 days',
          false,
          DAY + SECOND,
          { allowed: false, reason: 'human_agent_requires_human', rule: 'human_agent_tag' },
        ],
      ])('%s', (_case, isHumanAgent, elapsed, expected) => {
        expectDecision(sut(state(channel), tagged(isHumanAgent), at(elapsed)), expected);
      });
    });

    describe('retired and unknown tags', () => {
      it.each(['ACCOUNT_UPDATE', 'CONFIRMED_EVENT_UPDATE', 'POST_PURCHASE_UPDATE', 'account_update'])(
        '%s is denied as retired even inside the window',
        (tag) => {
          expectDecision(sut(state(channel), request(channel, { messagingType: 'MESSAGE_TAG', tag }), at(HOUR)), {
            allowed: false,
            reason: 'tag_retired',
            rule: 'retired_tags',
          });
        },
      );

      it.each<[string | null, Expected]>([
        ['SHIPPING_UPDATE', { allowed: false, reason: 'tag_unknown', rule: 'unknown_tag' }],
        [null, { allowed: false, reason: 'tag_missing', rule: 'unknown_tag' }],
      ])('%s is denied', (tag, expected) => {
        expectDecision(
          sut(state(channel), request(channel, { messagingType: 'MESSAGE_TAG', tag }), at(HOUR)),
          expected,
        );
      });
    });

    describe('click-to-Messenger / click-to-Direct ad window', () => {
      const fromAd = state(channel, { adReferralAt: T0 });

      it.each<[string, MessagingType, number, Expected]>([
        [
          'UPDATE 1 s after 24 h',
          'UPDATE',
          DAY + SECOND,
          { allowed: true, reason: 'ad_window_open', rule: 'ad_window', deadline: at(7 * DAY) },
        ],
        [
          'RESPONSE 1 s before 7 days',
          'RESPONSE',
          7 * DAY - SECOND,
          { allowed: true, reason: 'ad_window_open', rule: 'ad_window', deadline: at(7 * DAY) },
        ],
        [
          'RESPONSE 1 s after 7 days',
          'RESPONSE',
          7 * DAY + SECOND,
          { allowed: false, reason: 'window_closed', rule: 'standard_window' },
        ],
      ])('%s', (_case, messagingType, elapsed, expected) => {
        expectDecision(sut(fromAd, request(channel, { messagingType }), at(elapsed)), expected);
      });
    });

    describe('opt-out', () => {
      const optedOut = state(channel, { optedOutAt: at(HOUR) });

      it.each<[string, Partial<SendRequest>, Expected]>([
        ['UPDATE', { messagingType: 'UPDATE' }, { allowed: false, reason: 'opted_out', rule: 'opt_out' }],
        [
          'HUMAN_AGENT',
          { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', isHumanAgent: true },
          { allowed: false, reason: 'opted_out', rule: 'opt_out' },
        ],
        [
          'a RESPONSE to the opt-out message itself',
          { messagingType: 'RESPONSE' },
          { allowed: true, reason: 'window_open', rule: 'standard_window', deadline: at(DAY) },
        ],
      ])('%s', (_case, overrides, expected) => {
        expectDecision(sut(optedOut, request(channel, overrides), at(2 * HOUR)), expected);
      });

      it('no longer applies after a later opt-in', () => {
        const back = state(channel, { optedOutAt: at(HOUR), optedInAt: at(2 * HOUR) });
        expect(sut(back, request(channel, { messagingType: 'UPDATE' }), at(3 * HOUR)).allowed).toBe(true);
      });
    });

    describe('high-volume guard', () => {
      const over: VolumeAssessment = { level: 'deny', budgetPerSecond: 0, remainingVolume: null };
      const warn: VolumeAssessment = { level: 'warn', budgetPerSecond: 5, remainingVolume: null };

      it.each<[string, MessagingType, VolumeAssessment, Expected]>([
        [
          'denies UPDATE over the deny level',
          'UPDATE',
          over,
          { allowed: false, reason: 'volume_over_limit', rule: 'high_volume' },
        ],
        [
          'still answers the person over the deny level',
          'RESPONSE',
          over,
          { allowed: true, reason: 'window_open', rule: 'standard_window', deadline: at(DAY) },
        ],
        [
          'only warns at the warn level',
          'UPDATE',
          warn,
          { allowed: true, reason: 'window_open', rule: 'standard_window', deadline: at(DAY) },
        ],
      ])('%s', (_case, messagingType, volume, expected) => {
        expectDecision(sut(state(channel), request(channel, { messagingType }), at(HOUR), volume), expected);
      });
    });
  });

  describe.each(CHANNELS)('a Page blocked by Meta on %s', (channel) => {
    const blocked = { action: 'block', reason: 'spam', occurredAt: T0 };

    it.each<[string, Partial<SendRequest>]>([
      ['RESPONSE inside the window', { messagingType: 'RESPONSE' }],
      ['HUMAN_AGENT', { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', isHumanAgent: true }],
    ])('denies %s', (_case, overrides) => {
      expectDecision(
        decide(state(channel), request(channel, overrides), at(HOUR), DEFAULT_MESSAGING_POLICY, null, blocked),
        {
          allowed: false,
          reason: 'page_blocked',
          rule: 'policy_enforcement',
        },
      );
    });

    it.each(['warning', 'unblock'])('allows again after %s', (action) => {
      const enforcement = { action, reason: null, occurredAt: T0 };
      expect(
        decide(state(channel), request(channel), at(HOUR), DEFAULT_MESSAGING_POLICY, null, enforcement).allowed,
      ).toBe(true);
    });
  });

  describe('CUSTOMER_FEEDBACK', () => {
    const feedback = (channel: InboundChannel, templateType: string | null = 'customer_feedback') =>
      request(channel, { messagingType: 'MESSAGE_TAG', tag: 'CUSTOMER_FEEDBACK', templateType });

    it.each<[InboundChannel, number, Expected]>([
      [
        'messenger',
        DAY + SECOND,
        { allowed: true, reason: 'tag_window_open', rule: 'customer_feedback_tag', deadline: at(7 * DAY) },
      ],
      [
        'messenger',
        7 * DAY - SECOND,
        { allowed: true, reason: 'tag_window_open', rule: 'customer_feedback_tag', deadline: at(7 * DAY) },
      ],
      ['messenger', 7 * DAY + SECOND, { allowed: false, reason: 'tag_window_closed', rule: 'customer_feedback_tag' }],
      ['instagram', DAY - SECOND, { allowed: false, reason: 'tag_not_on_channel', rule: 'customer_feedback_tag' }],
      ['instagram', DAY + SECOND, { allowed: false, reason: 'tag_not_on_channel', rule: 'customer_feedback_tag' }],
    ])('on %s after %d ms', (channel, elapsed, expected) => {
      expectDecision(sut(state(channel), feedback(channel), at(elapsed)), expected);
    });

    it.each<[string, InboundChannel, string | null, number, Expected]>([
      [
        'without a template, inside the tag window',
        'messenger',
        null,
        DAY + SECOND,
        { allowed: false, reason: 'customer_feedback_requires_template', rule: 'customer_feedback_tag' },
      ],
      [
        'without a template, inside the standard window',
        'messenger',
        null,
        HOUR,
        { allowed: false, reason: 'customer_feedback_requires_template', rule: 'customer_feedback_tag' },
      ],
      [
        'with another template',
        'messenger',
        'generic',
        DAY + SECOND,
        { allowed: false, reason: 'customer_feedback_requires_template', rule: 'customer_feedback_tag' },
      ],
      [
        'with the template, 1 s after 7 days',
        'messenger',
        'customer_feedback',
        7 * DAY + SECOND,
        { allowed: false, reason: 'tag_window_closed', rule: 'customer_feedback_tag' },
      ],
      [
        'on Instagram, with the template',
        'instagram',
        'customer_feedback',
        DAY + SECOND,
        { allowed: false, reason: 'tag_not_on_channel', rule: 'customer_feedback_tag' },
      ],
      [
        'on Instagram, without a template',
        'instagram',
        null,
        DAY + SECOND,
        { allowed: false, reason: 'tag_not_on_channel', rule: 'customer_feedback_tag' },
      ],
    ])('%s', (_case, channel, templateType, elapsed, expected) => {
      expectDecision(sut(state(channel), feedback(channel, templateType), at(elapsed)), expected);
    });

    it('leaves other messages alone whatever template they carry', () => {
      const update = request('messenger', { messagingType: 'UPDATE', templateType: 'generic' });
      expect(sut(state('messenger'), update, at(HOUR)).allowed).toBe(true);
    });
  });

  describe('notification-message tokens', () => {
    const expiresAt = at(30 * DAY);
    const withToken = (active: boolean) =>
      state('messenger', {
        lastUserActionAt: null,
        notificationTokens: [{ token: 'tok', expiresAt, active, changedAt: T0 }],
      });
    const send = (channel: InboundChannel, token = 'tok') =>
      request(channel, { messagingType: 'UPDATE', notificationToken: token });

    it.each<[string, ConversationState, SendRequest, number, Expected]>([
      [
        'a valid token 1 s before expiry',
        withToken(true),
        send('messenger'),
        30 * DAY - SECOND,
        { allowed: true, reason: 'notification_token_valid', rule: 'notification_token', deadline: expiresAt },
      ],
      [
        'a token at expiry',
        withToken(true),
        send('messenger'),
        30 * DAY,
        { allowed: false, reason: 'notification_token_expired', rule: 'notification_token' },
      ],
      [
        'a stopped token',
        withToken(false),
        send('messenger'),
        DAY,
        { allowed: false, reason: 'notification_token_stopped', rule: 'notification_token' },
      ],
      [
        'an unknown token',
        withToken(true),
        send('messenger', 'other'),
        DAY,
        { allowed: false, reason: 'notification_token_unknown', rule: 'notification_token' },
      ],
      [
        'a token on Instagram',
        withToken(true),
        send('instagram'),
        DAY,
        { allowed: false, reason: 'notification_token_not_on_channel', rule: 'notification_token' },
      ],
      [
        'a token of an opted-out person',
        { ...withToken(true), optedOutAt: T0 },
        send('messenger'),
        DAY,
        { allowed: false, reason: 'opted_out', rule: 'opt_out' },
      ],
    ])('%s', (_case, s, r, elapsed, expected) => {
      expectDecision(sut(s, r, at(elapsed)), expected);
    });
  });
});

describe(windowView.name, () => {
  it.each<[string, Partial<ConversationState> | null, number, ReturnType<typeof windowView>]>([
    [
      'open 1 s before 24 h',
      {},
      DAY - SECOND,
      {
        open: true,
        closesAt: at(DAY),
        humanAgentUntil: at(7 * DAY),
        adWindowUntil: null,
        optedOut: false,
        lastUserActionAt: T0,
      },
    ],
    [
      'closed 1 s after 24 h, HUMAN_AGENT still open',
      {},
      DAY + SECOND,
      {
        open: false,
        closesAt: null,
        humanAgentUntil: at(7 * DAY),
        adWindowUntil: null,
        optedOut: false,
        lastUserActionAt: T0,
      },
    ],
    [
      'open through an ad referral after 24 h',
      { adReferralAt: T0 },
      DAY + SECOND,
      {
        open: true,
        closesAt: at(7 * DAY),
        humanAgentUntil: at(7 * DAY),
        adWindowUntil: at(7 * DAY),
        optedOut: false,
        lastUserActionAt: T0,
      },
    ],
    [
      'opted out',
      { optedOutAt: T0 },
      HOUR,
      {
        open: true,
        closesAt: at(DAY),
        humanAgentUntil: at(7 * DAY),
        adWindowUntil: null,
        optedOut: true,
        lastUserActionAt: T0,
      },
    ],
    [
      'unknown conversation',
      null,
      0,
      {
        open: false,
        closesAt: null,
        humanAgentUntil: null,
        adWindowUntil: null,
        optedOut: false,
        lastUserActionAt: null,
      },
    ],
  ])('%s', (_case, overrides, elapsed, expected) => {
    expect(windowView(overrides ? state('messenger', overrides) : null, at(elapsed), DEFAULT_MESSAGING_POLICY)).toEqual(
      expected,
    );
  });
});
