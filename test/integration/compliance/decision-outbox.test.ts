import { randomUUID } from 'node:crypto';
import { ComplianceDecisionEvent } from '@app/contracts';
import { dataSourceOptions, migrateWithLock } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { DataSource, Logger } from 'typeorm';
import { PgAuditRepository } from '../../../apps/compliance/src/audit/pg-audit.repository';
import { COMPLIANCE_ENTITIES } from '../../../apps/compliance/src/entities';
import { COMPLIANCE_MIGRATIONS } from '../../../apps/compliance/src/migrations';

/** Keeps the last statement sent, to look at how PostgreSQL runs it. */
class LastStatement implements Logger {
  query = '';
  parameters: unknown[] = [];

  logQuery(query: string, parameters?: unknown[]): void {
    this.query = query;
    this.parameters = parameters ?? [];
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows a plan read from one table, counting those its filters threw away. */
function rowsReadFrom(table: string, node: PlanNode): number {
  const own =
    node['Relation Name'] === table
      ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops']
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsReadFrom(table, child), 0);
}

function decision(decidedAt: Date): ComplianceDecisionEvent {
  return {
    decisionId: randomUUID(),
    conversationId: 'messenger:1:2',
    channel: 'messenger',
    accountId: '1',
    personId: '2',
    messagingType: 'RESPONSE',
    tag: null,
    isHumanAgent: false,
    requestedBy: 'crm',
    allowed: true,
    reason: 'window_open',
    rule: 'standard_window',
    deadline: null,
    decidedAt: decidedAt.toISOString(),
  };
}

describe('the decision outbox', () => {
  const statements = new LastStatement();
  let database: TestDatabase;
  let dataSource: DataSource;
  let sut: PgAuditRepository;

  beforeAll(async () => {
    database = await createTestDatabase('compliance_it_decision_outbox');
    dataSource = await new DataSource({
      ...dataSourceOptions({
        url: database.url,
        schema: 'compliance',
        entities: COMPLIANCE_ENTITIES,
        migrations: COMPLIANCE_MIGRATIONS,
        poolSize: 2,
      }),
      logger: statements,
    }).initialize();
    await migrateWithLock(dataSource, 'compliance');
    sut = new PgAuditRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('hands the relay the queued decisions, oldest first, reading only those from an audit table of published ones', async () => {
    // A month of audit already on Kafka: stored, no longer queued, all older than what waits.
    await dataSource.query(
      `INSERT INTO compliance.decision (id, decided_at, conversation_id, channel, account_id, person_id, messaging_type,
         is_human_agent, requested_by, allowed, reason, rule)
       SELECT gen_random_uuid(), now() - interval '30 days' + n * interval '1 minute', 'messenger:1:2', 'messenger',
         '1', '2', 'RESPONSE', false, 'crm', true, 'window_open', 'standard_window'
       FROM generate_series(1, 20000) AS n`,
    );
    await dataSource.query('ANALYZE compliance.decision');
    const now = Date.now();
    const queued = [decision(new Date(now - 2000)), decision(new Date(now - 3000)), decision(new Date(now - 1000))];
    for (const d of queued) await sut.append(d);

    const pending = await sut.pending(100);

    expect(pending.map((d) => d.decisionId)).toEqual([queued[1], queued[0], queued[2]].map((d) => d.decisionId));
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = (await dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statements.query}`, statements.parameters)) as Array<{
      'QUERY PLAN': Array<{ Plan: PlanNode }>;
    }>;
    expect(rowsReadFrom('decision', plan.Plan)).toBeLessThanOrEqual(queued.length);
    expect((await sut.pending(2)).map((d) => d.decisionId)).toEqual([queued[1], queued[0]].map((d) => d.decisionId));
  });

  it('forgets published decisions, so the next round starts after them', async () => {
    const first = await sut.pending(10);
    await sut.markPublished(first.slice(0, 2).map((d) => d.decisionId));

    expect((await sut.pending(10)).map((d) => d.decisionId)).toEqual(first.slice(2).map((d) => d.decisionId));
  });
});
