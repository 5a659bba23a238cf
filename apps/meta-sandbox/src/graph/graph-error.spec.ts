import { GraphError, GraphErrors } from './graph-error';

describe(GraphError.name, () => {
  describe('toBody', () => {
    it('writes Meta’s keys in Meta’s order and leaves out what is absent', () => {
      expect(Object.keys(GraphErrors.noMatchingUser('messenger').toBody('T1').error)).toEqual([
        'message',
        'type',
        'code',
        'error_subcode',
        'fbtrace_id',
      ]);
      expect(Object.keys(GraphErrors.tokenMalformed().toBody('T1').error)).toEqual([
        'message',
        'type',
        'code',
        'fbtrace_id',
      ]);
      expect(GraphErrors.sendRateLimited('instagram').toBody('T2')).toEqual({
        error: {
          message: '(#613) Calls to this API have exceeded the rate limit.',
          type: 'OAuthException',
          code: 613,
          error_subcode: 2534040,
          is_transient: true,
          fbtrace_id: 'T2',
        },
      });
    });
  });

  it.each<[string, GraphError, number, number, number | undefined]>([
    ['expired token', GraphErrors.tokenExpired(0, 1000), 400, 190, 463],
    ['password changed', GraphErrors.tokenInvalidated('password_changed'), 400, 190, 460],
    ['missing permission', GraphErrors.missingPermission('pages_messaging'), 403, 200, undefined],
    ['missing task', GraphErrors.missingTask('MESSAGING'), 403, 10, undefined],
    ['outside window, Messenger', GraphErrors.outsideWindow('messenger'), 400, 10, 2018278],
    ['outside window, Instagram', GraphErrors.outsideWindow('instagram'), 400, 10, 2534022],
    ['unknown PSID', GraphErrors.noMatchingUser('messenger'), 400, 100, 2018001],
    ['person unavailable', GraphErrors.personUnavailable(), 400, 551, 1545041],
    ['app rate limit', GraphErrors.appRateLimited(), 400, 4, undefined],
    ['Messenger BUC', GraphErrors.businessUseCaseRateLimited('messenger'), 400, 80006, undefined],
    ['Instagram BUC', GraphErrors.businessUseCaseRateLimited('instagram'), 400, 80002, undefined],
    ['unknown path', GraphErrors.unknownPath('/x'), 400, 2500, undefined],
  ])('%s', (_label, sut, status, code, subcode) => {
    expect([sut.status, sut.code, sut.subcode]).toEqual([status, code, subcode]);
  });

  it('writes expiry dates the way Meta words them', () => {
    expect(GraphErrors.tokenExpired(Date.UTC(2026, 2, 3, 10, 0, 0), Date.UTC(2026, 2, 4, 11, 30, 5)).message).toBe(
      'Error validating access token: Session has expired on Tuesday, 03-Mar-26 10:00:00 UTC. The current time is Wednesday, 04-Mar-26 11:30:05 UTC.',
    );
  });
});
