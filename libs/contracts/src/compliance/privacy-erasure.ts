import { InboundChannel } from '../inbound/inbound-event';

/**
 * `privacy.erasure.v1`: a request to delete one person's data, which every app carries out on its own
 * tables and reports on `privacy.erasure.progress.v1`. Key = `erasureId`; `ce_id` = `erasureId`.
 *
 * The subject is either a messaging person (channel, account and scoped id) or a Facebook user known
 * only by the app-scoped id Meta's data-deletion callback names.
 */
export type ErasureSubjectKind = 'person' | 'app_user';
export type ErasureSource = 'meta_callback' | 'admin';

export interface ErasureRequestedEvent {
  erasureId: string;
  confirmationCode: string;
  source: ErasureSource;
  subjectKind: ErasureSubjectKind;
  /** Person subject: the channel, account and PSID / IGSID. Null for an app user. */
  channel: InboundChannel | null;
  accountId: string | null;
  personId: string | null;
  /** App-user subject: the app-scoped user id. Null for a person. */
  appScopedUserId: string | null;
  requestedAt: string;
  statusUrl: string;
}

export type ErasureAppStatus = 'done' | 'failed';

/** `privacy.erasure.progress.v1`: one app's report on one erasure request. Key = `erasureId`. */
export interface ErasureProgressEvent {
  erasureId: string;
  /** The reporting app, e.g. `compliance`, `outbound`. */
  app: string;
  status: ErasureAppStatus;
  /** Rows (or records) the app deleted. */
  deletedRecords: number;
  detail: string | null;
  reportedAt: string;
}

const nullableStr = { type: ['string', 'null'] } as const;

export const erasureRequestedSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parley:schema:privacy.erasure.v1',
  title: 'ErasureRequestedEvent',
  description: "A request to delete one person's data in every app. Key = erasureId; ce_id = erasureId.",
  type: 'object',
  required: [
    'erasureId',
    'confirmationCode',
    'source',
    'subjectKind',
    'channel',
    'accountId',
    'personId',
    'appScopedUserId',
    'requestedAt',
    'statusUrl',
  ],
  properties: {
    erasureId: { type: 'string', format: 'uuid' },
    confirmationCode: { type: 'string', pattern: '^[A-Za-z0-9]+$' },
    source: { enum: ['meta_callback', 'admin'] },
    subjectKind: { enum: ['person', 'app_user'] },
    channel: { enum: ['messenger', 'instagram', null] },
    accountId: nullableStr,
    personId: nullableStr,
    appScopedUserId: nullableStr,
    requestedAt: { type: 'string', format: 'date-time' },
    statusUrl: { type: 'string', minLength: 1 },
  },
};

export const erasureProgressSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parley:schema:privacy.erasure.progress.v1',
  title: 'ErasureProgressEvent',
  description: "One app's report on an erasure request. Key = erasureId.",
  type: 'object',
  required: ['erasureId', 'app', 'status', 'deletedRecords', 'detail', 'reportedAt'],
  properties: {
    erasureId: { type: 'string', format: 'uuid' },
    app: { type: 'string', minLength: 1 },
    status: { enum: ['done', 'failed'] },
    deletedRecords: { type: 'integer', minimum: 0 },
    detail: nullableStr,
    reportedAt: { type: 'string', format: 'date-time' },
  },
};
