import { ComplianceDecisionEvent } from '@app/contracts';

export interface AuditQuery {
  accountId: string;
  from: Date;
  to: Date;
  /** Keyset: rows strictly after this (decidedAt, id). */
  after: { decidedAt: Date; id: string } | null;
  limit: number;
}

/** The append-only decision audit and its outbox towards `compliance.decision.v1`. */
export abstract class AuditRepository {
  /** Stores the decision and queues it for publishing, atomically. */
  abstract append(decision: ComplianceDecisionEvent): Promise<void>;
  abstract list(query: AuditQuery): Promise<ComplianceDecisionEvent[]>;
  /** Up to `limit` queued decisions, oldest first. */
  abstract pending(limit: number): Promise<ComplianceDecisionEvent[]>;
  abstract markPublished(ids: readonly string[]): Promise<void>;
  abstract eraseConversation(conversationId: string): Promise<number>;
  abstract purgeOlderThan(cutoff: Date): Promise<number>;
}
