import { InboundChannel } from '../inbound/inbound-event';

/**
 * `compliance.decision.v1`: every answer compliance gave to "may this message be sent?", for audit
 * consumers. Key = `conversationId`; `ce_id` = `decisionId`.
 */
export const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;
export type MessagingType = (typeof MESSAGING_TYPES)[number];

export interface ComplianceDecisionEvent {
  decisionId: string;
  conversationId: string;
  channel: InboundChannel;
  accountId: string;
  personId: string;
  messagingType: MessagingType;
  tag: string | null;
  isHumanAgent: boolean;
  /** Who asked: the app or CRM client that wants to send. */
  requestedBy: string;
  allowed: boolean;
  /** Stable machine-readable reason, e.g. `window_open`, `window_closed`, `tag_retired`. */
  reason: string;
  /** The rule that decided, e.g. `standard_window`, `human_agent_tag`. */
  rule: string;
  /** Until when the same request would get the same answer (null when no deadline applies). */
  deadline: string | null;
  decidedAt: string;
}

const nullableStr = { type: ['string', 'null'] } as const;

export const complianceDecisionSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:parley:schema:compliance.decision.v1',
  title: 'ComplianceDecisionEvent',
  description: 'One send decision of compliance. Key = conversationId; ce_id = decisionId.',
  type: 'object',
  required: [
    'decisionId',
    'conversationId',
    'channel',
    'accountId',
    'personId',
    'messagingType',
    'tag',
    'isHumanAgent',
    'requestedBy',
    'allowed',
    'reason',
    'rule',
    'deadline',
    'decidedAt',
  ],
  properties: {
    decisionId: { type: 'string', format: 'uuid' },
    conversationId: { type: 'string', minLength: 1 },
    channel: { enum: ['messenger', 'instagram'] },
    accountId: { type: 'string', minLength: 1 },
    personId: { type: 'string', minLength: 1 },
    messagingType: { enum: [...MESSAGING_TYPES] },
    tag: nullableStr,
    isHumanAgent: { type: 'boolean' },
    requestedBy: { type: 'string', minLength: 1 },
    allowed: { type: 'boolean' },
    reason: { type: 'string', minLength: 1 },
    rule: { type: 'string', minLength: 1 },
    deadline: { oneOf: [{ type: 'null' }, { type: 'string', format: 'date-time' }] },
    decidedAt: { type: 'string', format: 'date-time' },
  },
};
