import { checkMessagingWindow, HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS, WindowInput } from './messaging-window';

const now = Date.UTC(2026, 5, 1);
const base: WindowInput = {
  channel: 'messenger',
  messagingType: 'RESPONSE',
  tag: undefined,
  lastUserActionAt: now - 1000,
  now,
  humanAgentApproved: true,
};

describe(checkMessagingWindow.name, () => {
  it.each<[string, Partial<WindowInput>, { code: number; subcode?: number } | null]>([
    ['inside 24 h', {}, null],
    ['exactly 24 h', { lastUserActionAt: now - STANDARD_WINDOW_MS }, null],
    [
      'just after 24 h on Messenger',
      { lastUserActionAt: now - STANDARD_WINDOW_MS - 1 },
      { code: 10, subcode: 2018278 },
    ],
    [
      'just after 24 h on Instagram',
      { channel: 'instagram', lastUserActionAt: now - STANDARD_WINDOW_MS - 1 },
      { code: 10, subcode: 2534022 },
    ],
    ['never interacted', { lastUserActionAt: null }, { code: 10, subcode: 2018278 }],
    [
      'UPDATE follows the same window',
      { messagingType: 'UPDATE', lastUserActionAt: now - STANDARD_WINDOW_MS - 1 },
      { code: 10, subcode: 2018278 },
    ],
    [
      'HUMAN_AGENT after 3 days',
      { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', lastUserActionAt: now - 3 * STANDARD_WINDOW_MS },
      null,
    ],
    [
      'HUMAN_AGENT at 7 days',
      { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', lastUserActionAt: now - HUMAN_AGENT_WINDOW_MS },
      null,
    ],
    [
      'HUMAN_AGENT after 7 days',
      { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', lastUserActionAt: now - HUMAN_AGENT_WINDOW_MS - 1 },
      { code: 10, subcode: 2018278 },
    ],
    [
      'HUMAN_AGENT without the feature',
      { messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', humanAgentApproved: false },
      { code: 200 },
    ],
    [
      'CUSTOMER_FEEDBACK after 3 days',
      { messagingType: 'MESSAGE_TAG', tag: 'CUSTOMER_FEEDBACK', lastUserActionAt: now - 3 * STANDARD_WINDOW_MS },
      null,
    ],
  ])('%s', (_label, overrides, expected) => {
    const sut = checkMessagingWindow({ ...base, ...overrides });

    if (expected === null) expect(sut).toBeNull();
    else expect({ code: sut?.code, subcode: sut?.subcode }).toEqual({ code: expected.code, subcode: expected.subcode });
  });
});
