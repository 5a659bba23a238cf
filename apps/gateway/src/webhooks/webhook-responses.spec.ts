import { DomainError } from '@app/errors';
import { callbackResponse, intakeProblem } from './webhook-responses';

describe(intakeProblem.name, () => {
  it('has no problem once the delivery is safe', () => {
    expect(intakeProblem({ status: 200, published: 1, duplicates: 0 })).toBeNull();
  });

  it.each<[Parameters<typeof intakeProblem>[0], string]>([
    [{ status: 401, reason: 'missing' }, 'unauthorized'],
    [{ status: 403, reason: 'mismatch' }, 'forbidden'],
    [{ status: 400, reason: 'malformed_json' }, 'bad_request'],
    [{ status: 413, reason: 'too_large' }, 'payload_too_large'],
    [{ status: 503, reason: 'kafka_unavailable' }, 'unavailable'],
  ])('refuses %j with code %s and the reason', (outcome, code) => {
    const problem = intakeProblem(outcome);
    expect(problem).toBeInstanceOf(DomainError);
    expect(problem).toMatchObject({ code, extensions: { reason: 'reason' in outcome ? outcome.reason : '' } });
  });
});

describe(callbackResponse.name, () => {
  it('returns the body to send Meta', () => {
    expect(callbackResponse({ status: 200, body: { url: 'u', confirmation_code: 'C' } })).toEqual({
      url: 'u',
      confirmation_code: 'C',
    });
  });

  it('throws a forbidden problem for a forged request', () => {
    expect(() => callbackResponse({ status: 403, reason: 'bad_signature' })).toThrow(DomainError);
  });
});
