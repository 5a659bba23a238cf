import { parseCli, toRequest } from './cli-commands';

const request = (argv: string[], files: Record<string, string> = {}) => {
  const { command, options } = parseCli(argv);
  return toRequest(command, options, (path) => files[path] ?? '');
};

describe(toRequest.name, () => {
  it.each<[string[], ReturnType<typeof toRequest>]>([
    [
      ['person-send', '--person', 'ana', '--page', '100', '--text', 'hi'],
      { method: 'POST', path: '/_sandbox/people/ana/messages', body: { account: '100', text: 'hi' } },
    ],
    [
      ['person-send', '--instagram', '1784', '--image', 'https://x/y.png', '--timestamp', '1700000000000'],
      {
        method: 'POST',
        path: '/_sandbox/people/ana/messages',
        body: { account: '1784', timestamp: 1700000000000, attachments: [{ type: 'image', url: 'https://x/y.png' }] },
      },
    ],
    [
      ['person-send', '--quick-reply', 'BLUE', '--text', 'Blue'],
      {
        method: 'POST',
        path: '/_sandbox/people/ana/messages',
        body: { quickReply: { payload: 'BLUE', title: 'Blue' } },
      },
    ],
    [
      ['person-postback', '--person', '7000000000000001', '--title', 'Get Started', '--payload', 'GET_STARTED'],
      {
        method: 'POST',
        path: '/_sandbox/people/7000000000000001/postbacks',
        body: { title: 'Get Started', payload: 'GET_STARTED' },
      },
    ],
    [
      ['person-react', '--mid', 'm_1', '--unreact'],
      { method: 'POST', path: '/_sandbox/people/ana/reactions', body: { mid: 'm_1', action: 'unreact' } },
    ],
    [
      ['person-referral', '--ref', 'promo'],
      {
        method: 'POST',
        path: '/_sandbox/people/ana/referrals',
        body: { referral: { ref: 'promo', source: 'SHORTLINK', type: 'OPEN_THREAD' } },
      },
    ],
    [
      ['sent', '--person', 'ben', '--page', '100'],
      { method: 'GET', path: '/_sandbox/people/ben/messages?direction=outbound&account=100' },
    ],
    [['deliveries', '--status', 'dropped'], { method: 'GET', path: '/_sandbox/deliveries?status=dropped' }],
    [['flush'], { method: 'POST', path: '/_sandbox/deliveries/flush' }],
  ])('%j', (argv, expected) => {
    expect(request(argv)).toEqual(expected);
  });

  it('posts a seed file', () => {
    expect(request(['seed', '--json', 'w.json'], { 'w.json': '{"app":{}}' })).toEqual({
      method: 'POST',
      path: '/_sandbox/seed',
      body: { app: {} },
    });
  });

  it.each([[['person-send']], [['person-edit', '--mid', 'm']], [['dance']], [[]]])('refuses bad usage %j', (argv) => {
    expect(() => request(argv)).toThrow();
  });

  it('refuses unknown options', () => {
    expect(() => parseCli(['flush', '--bogus'])).toThrow();
  });
});
