import { ComplianceDecisionEvent } from '@app/contracts';
import { prepared } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditQuery, AuditRepository } from './audit.repository';

interface DecisionRow {
  id: string;
  decided_at: Date;
  conversation_id: string;
  channel: 'messenger' | 'instagram';
  account_id: string;
  person_id: string;
  messaging_type: ComplianceDecisionEvent['messagingType'];
  tag: string | null;
  is_human_agent: boolean;
  requested_by: string;
  allowed: boolean;
  reason: string;
  rule: string;
  deadline: Date | null;
}

function toEvent(row: DecisionRow): ComplianceDecisionEvent {
  return {
    decisionId: row.id,
    conversationId: row.conversation_id,
    channel: row.channel,
    accountId: row.account_id,
    personId: row.person_id,
    messagingType: row.messaging_type,
    tag: row.tag,
    isHumanAgent: row.is_human_agent,
    requestedBy: row.requested_by,
    allowed: row.allowed,
    reason: row.reason,
    rule: row.rule,
    deadline: row.deadline ? row.deadline.toISOString() : null,
    decidedAt: row.decided_at.toISOString(),
  };
}

@Injectable()
export class PgAuditRepository extends AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async append(d: ComplianceDecisionEvent): Promise<void> {
    await this.dataSource.query(
      prepared(`WITH stored AS (
         INSERT INTO compliance.decision (id, decided_at, conversation_id, channel, account_id, person_id, messaging_type,
           tag, is_human_agent, requested_by, allowed, reason, rule, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id, decided_at)
       INSERT INTO compliance.decision_outbox (decision_id, decided_at) SELECT id, decided_at FROM stored`),
      [
        d.decisionId,
        d.decidedAt,
        d.conversationId,
        d.channel,
        d.accountId,
        d.personId,
        d.messagingType,
        d.tag,
        d.isHumanAgent,
        d.requestedBy,
        d.allowed,
        d.reason,
        d.rule,
        d.deadline,
      ],
    );
  }

  async list(q: AuditQuery): Promise<ComplianceDecisionEvent[]> {
    const rows: DecisionRow[] = await this.dataSource.query(
      `SELECT * FROM compliance.decision
       WHERE account_id = $1 AND decided_at >= $2 AND decided_at < $3
         AND ($4::timestamptz IS NULL OR (decided_at, id) > ($4::timestamptz, $5::uuid))
       ORDER BY decided_at, id LIMIT $6`,
      [q.accountId, q.from, q.to, q.after?.decidedAt ?? null, q.after?.id ?? null, q.limit],
    );
    return rows.map(toEvent);
  }

  async pending(limit: number): Promise<ComplianceDecisionEvent[]> {
    const rows: DecisionRow[] = await this.dataSource.query(
      // The queued ids as an array: looked up by primary key, however many rows the planner expects the queue to hold.
      prepared(`SELECT * FROM compliance.decision
       WHERE id = ANY (ARRAY(SELECT decision_id FROM compliance.decision_outbox ORDER BY decided_at, decision_id LIMIT $1))
       ORDER BY decided_at, id`),
      [limit],
    );
    return rows.map(toEvent);
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      prepared(`DELETE FROM compliance.decision_outbox WHERE decision_id = ANY($1::uuid[])`),
      [ids],
    );
  }

  async eraseConversation(conversationId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `WITH erased AS (DELETE FROM compliance.decision WHERE conversation_id = $1 RETURNING id),
         unqueued AS (DELETE FROM compliance.decision_outbox WHERE decision_id IN (SELECT id FROM erased))
       SELECT count(*)::int AS n FROM erased`,
      [conversationId],
    );
    return rows[0].n;
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM compliance.decision WHERE decided_at < $1`,
      [cutoff],
    );
    // Outbox rows whose decision was purged (or erased) have nothing left to publish.
    await this.dataSource.query(
      `DELETE FROM compliance.decision_outbox o
       WHERE NOT EXISTS (SELECT 1 FROM compliance.decision d WHERE d.id = o.decision_id)`,
    );
    return count;
  }
}
