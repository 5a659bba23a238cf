import { validateTopicPayload } from '../schema-registry';
import { Topics } from '../topics';
import { ConnectionEvent } from './connection-event';

const event: ConnectionEvent = {
  eventId: '0b6f7a9e-3c1d-4f7e-9d55-2a4c1c7b8e10',
  change: 'invalid',
  tenantId: 'acme',
  pageId: '1122',
  instagramId: null,
  reason: 'meta_error_190_463',
  status: 'invalid',
  permissions: ['pages_messaging'],
  occurredAt: '2026-11-25T06:00:00.000Z',
};

describe('tokens.connection.v1 schema', () => {
  it('accepts a connection event', () => {
    expect(validateTopicPayload(Topics.tokensConnection, event)).toEqual({ valid: true, errors: [] });
  });

  it.each([
    ['an unknown change', { ...event, change: 'renamed' }],
    ['a token field', { ...event, accessToken: 'EAAB' }],
    ['no reason', { ...event, reason: '' }],
  ])('refuses %s', (_, value) => {
    expect(validateTopicPayload(Topics.tokensConnection, value).valid).toBe(false);
  });
});
