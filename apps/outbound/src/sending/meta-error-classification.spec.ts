import {
  classifyMetaError,
  classifyTransportFailure,
  MetaGraphError,
  SendFailureClass,
  TransportFailure,
} from './meta-error-classification';

describe(classifyMetaError.name, () => {
  const cases: Array<[string, MetaGraphError, SendFailureClass]> = [
    ['unknown error 1', { code: 1 }, { kind: 'retry', pace: 'normal', reason: 'temporary_error' }],
    ['1/99 unknown', { code: 1, subcode: 99 }, { kind: 'retry', pace: 'normal', reason: 'temporary_error' }],
    [
      'invalid JSON reply 1/1357046',
      { code: 1, subcode: 1357046 },
      { kind: 'outcome-unknown', reason: 'outcome_unknown' },
    ],
    ['temporary 2', { code: 2 }, { kind: 'retry', pace: 'normal', reason: 'temporary_error' }],
    [
      'privacy ToS 2/2018344',
      { code: 2, subcode: 2018344 },
      { kind: 'permanent', reason: 'permission_missing', pausePage: false },
    ],
    ['app rate limit 4', { code: 4 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['phone sends 4/2018022', { code: 4, subcode: 2018022 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    [
      'marketing cap 4/2018354',
      { code: 4, subcode: 2018354 },
      { kind: 'permanent', reason: 'rate_limited', pausePage: false },
    ],
    ['user actions 9/2018352', { code: 9, subcode: 2018352 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    [
      'outside window 10/2018278',
      { code: 10, subcode: 2018278 },
      { kind: 'permanent', reason: 'outside_window', pausePage: false },
    ],
    [
      'IG outside window 10/2534022',
      { code: 10, subcode: 2534022 },
      { kind: 'permanent', reason: 'outside_window', pausePage: false },
    ],
    [
      'not receiving 10/2018108',
      { code: 10, subcode: 2018108 },
      { kind: 'permanent', reason: 'recipient_unreachable', pausePage: false },
    ],
    [
      'Page restricted 10/1893063',
      { code: 10, subcode: 1893063 },
      { kind: 'permanent', reason: 'page_restricted', pausePage: true },
    ],
    ['user limit 17', { code: 17 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['Page limit 32', { code: 32 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['invalid parameter 100', { code: 100 }, { kind: 'permanent', reason: 'invalid_request', pausePage: false }],
    [
      'no such object 100/33',
      { code: 100, subcode: 33 },
      { kind: 'permanent', reason: 'recipient_not_found', pausePage: false },
    ],
    [
      'no matching user 100/2018001',
      { code: 100, subcode: 2018001 },
      { kind: 'permanent', reason: 'recipient_not_found', pausePage: false },
    ],
    [
      'no IG user 100/2534014',
      { code: 100, subcode: 2534014 },
      { kind: 'permanent', reason: 'recipient_not_found', pausePage: false },
    ],
    [
      'attachment too big 100/2018109',
      { code: 100, subcode: 2018109 },
      { kind: 'permanent', reason: 'attachment_rejected', pausePage: false },
    ],
    ['expired token 190/463', { code: 190, subcode: 463 }, { kind: 'token-invalid', reason: 'token_invalid' }],
    ['invalid session 190/492', { code: 190, subcode: 492 }, { kind: 'token-invalid', reason: 'token_invalid' }],
    ['token 190 without subcode', { code: 190 }, { kind: 'token-invalid', reason: 'token_invalid' }],
    ['permission 200', { code: 200 }, { kind: 'permanent', reason: 'permission_missing', pausePage: false }],
    [
      'person unavailable 200/1545041',
      { code: 200, subcode: 1545041 },
      { kind: 'permanent', reason: 'recipient_unreachable', pausePage: false },
    ],
    [
      'IG DM access off 200/2534041',
      { code: 200, subcode: 2534041 },
      { kind: 'permanent', reason: 'instagram_access_disabled', pausePage: false },
    ],
    ['policy block 368', { code: 368 }, { kind: 'permanent', reason: 'page_restricted', pausePage: true }],
    ['not available 551', { code: 551 }, { kind: 'permanent', reason: 'recipient_unreachable', pausePage: false }],
    ['Send API limit 613', { code: 613 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['IG limit 613/2534040', { code: 613, subcode: 2534040 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['Pages BUC 80001', { code: 80001 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['Instagram BUC 80002', { code: 80002 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['Messenger BUC 80006', { code: 80006 }, { kind: 'retry', pace: 'slow', reason: 'rate_limited' }],
    ['temporary send failure 1200', { code: 1200 }, { kind: 'retry', pace: 'normal', reason: 'temporary_error' }],
    [
      'unlisted transient',
      { code: 12345, isTransient: true },
      { kind: 'retry', pace: 'normal', reason: 'temporary_error' },
    ],
    ['unlisted', { code: 2022 }, { kind: 'permanent', reason: 'unknown_error', pausePage: false }],
  ];

  it.each(cases)('%s', (_name, error, expected) => {
    expect(classifyMetaError(error)).toEqual(expected);
  });
});

describe(classifyTransportFailure.name, () => {
  const cases: Array<[string, TransportFailure, SendFailureClass['kind']]> = [
    ['connection refused before sending', { kind: 'not-sent' }, 'retry'],
    ['timeout after the request left', { kind: 'no-answer' }, 'outcome-unknown'],
    ['500 without a Meta body', { kind: 'http', status: 500 }, 'retry'],
    ['503 without a Meta body', { kind: 'http', status: 503 }, 'retry'],
    ['502 from a proxy', { kind: 'http', status: 502 }, 'outcome-unknown'],
    ['504 from a proxy', { kind: 'http', status: 504 }, 'outcome-unknown'],
    ['429', { kind: 'http', status: 429 }, 'retry'],
    ['404 without a Meta body', { kind: 'http', status: 404 }, 'permanent'],
  ];

  it.each(cases)('%s', (_name, failure, kind) => {
    expect(classifyTransportFailure(failure).kind).toBe(kind);
  });
});
