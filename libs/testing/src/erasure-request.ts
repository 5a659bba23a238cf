import { ErasureRequestedEvent } from '@app/contracts';
import { randomUUID } from 'node:crypto';

/** A `privacy.erasure.v1` request about a Messenger person, with any field overridden. */
export function erasureRequest(overrides: Partial<ErasureRequestedEvent> = {}): ErasureRequestedEvent {
  return {
    erasureId: randomUUID(),
    confirmationCode: 'ABC123',
    source: 'admin',
    subjectKind: 'person',
    channel: 'messenger',
    accountId: '1122',
    personId: '6543',
    appScopedUserId: null,
    requestedAt: '2026-06-01T12:00:00.000Z',
    statusUrl: 'https://parley.example/v1/erasure/ABC123',
    ...overrides,
  };
}

/** The same request about a Facebook user known by the app-scoped id (Meta's data-deletion callback). */
export function appUserErasureRequest(
  appScopedUserId: string,
  overrides: Partial<ErasureRequestedEvent> = {},
): ErasureRequestedEvent {
  return erasureRequest({
    source: 'meta_callback',
    subjectKind: 'app_user',
    channel: null,
    accountId: null,
    personId: null,
    appScopedUserId,
    ...overrides,
  });
}
