import { answerHandshake } from './subscription-handshake';

describe(answerHandshake.name, () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    [
      'the flat query Meta sends',
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' },
      '1158201444',
    ],
    ['a nested query', { hub: { mode: 'subscribe', verify_token: 'tok', challenge: '42' } }, '42'],
    ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' }, null],
    [
      'a token of another length',
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'tokens', 'hub.challenge': '1' },
      null,
    ],
    ['another mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1' }, null],
    ['no challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }, null],
    ['an empty challenge', { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '' }, null],
    [
      'repeated parameters',
      { 'hub.mode': 'subscribe', 'hub.verify_token': ['tok', 'tok'], 'hub.challenge': '1' },
      null,
    ],
    ['nothing', {}, null],
  ])('answers %s', (_case, query, expected) => {
    expect(answerHandshake(query, 'tok')).toBe(expected);
  });

  it('refuses everything when no verify token is configured', () => {
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': '', 'hub.challenge': '1' }, '')).toBeNull();
  });
});
