import { validateTopicPayload } from '../schema-registry';
import { Topics } from '../topics';
import { ComplianceDecisionEvent } from './compliance-decision';
import { ErasureProgressEvent, ErasureRequestedEvent } from './privacy-erasure';

const UUID = '6f1c1b7e-2a4d-5c3f-9e8b-7a6d5c4b3a29';

const decision: ComplianceDecisionEvent = {
  decisionId: UUID,
  conversationId: 'messenger:1:2',
  channel: 'messenger',
  accountId: '1',
  personId: '2',
  messagingType: 'RESPONSE',
  tag: null,
  isHumanAgent: false,
  requestedBy: 'outbound',
  allowed: true,
  reason: 'window_open',
  rule: 'standard_window',
  deadline: '2026-01-02T00:00:00.000Z',
  decidedAt: '2026-01-01T00:00:00.000Z',
};

const erasure: ErasureRequestedEvent = {
  erasureId: UUID,
  confirmationCode: 'ABC123',
  source: 'admin',
  subjectKind: 'person',
  channel: 'instagram',
  accountId: '1',
  personId: '2',
  appScopedUserId: null,
  requestedAt: '2026-01-01T00:00:00.000Z',
  statusUrl: 'https://parley.example/v1/erasure/ABC123',
};

const progress: ErasureProgressEvent = {
  erasureId: UUID,
  app: 'compliance',
  status: 'done',
  deletedRecords: 3,
  detail: null,
  reportedAt: '2026-01-01T00:00:00.000Z',
};

describe('compliance contracts', () => {
  it.each<[string, string, unknown, boolean]>([
    ['a decision', Topics.complianceDecision, decision, true],
    [
      'a decision with an unknown messaging type',
      Topics.complianceDecision,
      { ...decision, messagingType: 'X' },
      false,
    ],
    ['a decision without a rule', Topics.complianceDecision, { ...decision, rule: undefined }, false],
    ['an erasure request', Topics.privacyErasure, erasure, true],
    [
      'an app-user erasure request',
      Topics.privacyErasure,
      { ...erasure, subjectKind: 'app_user', channel: null },
      true,
    ],
    ['a confirmation code with punctuation', Topics.privacyErasure, { ...erasure, confirmationCode: 'a-b' }, false],
    ['a progress report', Topics.privacyErasureProgress, progress, true],
    ['a negative count', Topics.privacyErasureProgress, { ...progress, deletedRecords: -1 }, false],
    ['an unknown status', Topics.privacyErasureProgress, { ...progress, status: 'pending' }, false],
  ])('validates %s', (_case, topic, value, valid) => {
    expect(validateTopicPayload(topic as typeof Topics.privacyErasure, value).valid).toBe(valid);
  });
});
