import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PendingEvent } from './batching';
import { MessagingItem } from './events';
import { DeliveryAttemptEntity, DeliveryEntity, WebhookEventEntity } from './webhook.entities';

export interface NewDelivery {
  eventIds: string[];
  appId: string;
  callbackUrl: string;
  body: string;
}

interface EventRow {
  id: string;
  app_id: string;
  object: 'page' | 'instagram';
  account_id: string;
  kind: 'messaging' | 'standby';
  item: MessagingItem;
  callback_url: string;
  reorder: boolean;
}

interface DeliveryRow {
  id: string;
  app_id: string;
  callback_url: string;
  body: string;
  attempts: number;
  first_attempt_at: Date | null;
  duplicate_of: string | null;
  created_at: Date;
}

export interface ClaimedDelivery {
  id: string;
  appId: string;
  callbackUrl: string;
  body: string;
  attempts: number;
  firstAttemptAt: Date | null;
  /** Set when this delivery is itself an injected duplicate. */
  duplicateOf: string | null;
}

export interface AttemptOutcome {
  deliveryId: string;
  attemptedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  error: string | null;
  /** What the delivery becomes. */
  status: 'pending' | 'delivered' | 'dropped';
  attempts: number;
  firstAttemptAt: Date;
  nextAttemptAt: Date | null;
  outcome: string | null;
}

export interface DeliveryFilter {
  appId?: string;
  status?: string;
  limit: number;
}

@Injectable()
export class WebhookRepository {
  constructor(private readonly db: DataSource) {}

  async insertEvents(events: Array<Omit<WebhookEventEntity, 'id' | 'deliveryId'>>): Promise<void> {
    if (events.length) await this.db.getRepository(WebhookEventEntity).insert(events);
  }

  /**
   * Locks due, unbatched events of apps that have a callback URL and unpaused deliveries, lets `plan` group
   * them per app, and stores the resulting deliveries, all in one transaction. Other events wait.
   */
  async batchDueEvents(
    now: Date,
    includePaused: boolean,
    plan: (app: { id: string; callbackUrl: string; reorder: boolean }, events: PendingEvent[]) => NewDelivery[],
  ): Promise<number> {
    return this.db.transaction(async (tx: EntityManager) => {
      const rows: EventRow[] = await tx.query(
        `SELECT e.id, e.app_id, e.object, e.account_id, e.kind, e.item, a.callback_url, a.reorder
           FROM meta_sandbox.webhook_event e JOIN meta_sandbox.app a ON a.id = e.app_id
          WHERE e.delivery_id IS NULL AND e.due_at <= $1 AND (NOT a.deliveries_paused OR $2) AND a.callback_url IS NOT NULL
          ORDER BY e.due_at, e.id
          LIMIT 5000
          FOR UPDATE OF e SKIP LOCKED`,
        [now, includePaused],
      );
      const byApp = new Map<string, { callbackUrl: string; reorder: boolean; events: PendingEvent[] }>();
      for (const row of rows) {
        const group = byApp.get(row.app_id) ?? { callbackUrl: row.callback_url, reorder: row.reorder, events: [] };
        group.events.push({
          id: String(row.id),
          object: row.object,
          accountId: row.account_id,
          kind: row.kind,
          item: row.item,
        });
        byApp.set(row.app_id, group);
      }
      let created = 0;
      for (const [appId, group] of byApp) {
        const deliveries = plan({ id: appId, callbackUrl: group.callbackUrl, reorder: group.reorder }, group.events);
        for (const d of deliveries) {
          const inserted: Array<{ id: string }> = await tx.query(
            `INSERT INTO meta_sandbox.delivery (app_id, callback_url, body, status, attempts, next_attempt_at, created_at)
             VALUES ($1, $2, $3, 'pending', 0, $4, $4) RETURNING id`,
            [d.appId, d.callbackUrl, d.body, now],
          );
          await tx.query(`UPDATE meta_sandbox.webhook_event SET delivery_id = $1 WHERE id = ANY($2::bigint[])`, [
            inserted[0].id,
            d.eventIds,
          ]);
          created += 1;
        }
      }
      return created;
    });
  }

  /** Leases due pending deliveries so that no other worker attempts them at the same time. */
  async claimDue(now: Date, leaseUntil: Date, limit: number, includePaused: boolean): Promise<ClaimedDelivery[]> {
    const result: [DeliveryRow[], number] | DeliveryRow[] = await this.db.query(
      `UPDATE meta_sandbox.delivery d SET lease_until = $2
        WHERE d.id IN (
          SELECT d2.id FROM meta_sandbox.delivery d2 JOIN meta_sandbox.app a ON a.id = d2.app_id
           WHERE d2.status = 'pending' AND d2.next_attempt_at <= $1
             AND (d2.lease_until IS NULL OR d2.lease_until <= $1) AND (NOT a.deliveries_paused OR $4)
           ORDER BY d2.next_attempt_at, d2.id
           LIMIT $3
           FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.id, d.app_id, d.callback_url, d.body, d.attempts, d.first_attempt_at, d.duplicate_of, d.created_at`,
      [now, leaseUntil, limit, includePaused],
    );
    const rows = Array.isArray(result[0]) ? (result[0] as DeliveryRow[]) : (result as DeliveryRow[]);
    return rows
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((r) => ({
        id: String(r.id),
        appId: r.app_id,
        callbackUrl: r.callback_url,
        body: r.body,
        attempts: r.attempts,
        firstAttemptAt: r.first_attempt_at,
        duplicateOf: r.duplicate_of === null ? null : String(r.duplicate_of),
      }));
  }

  async recordAttempt(o: AttemptOutcome): Promise<void> {
    await this.db.transaction(async (tx: EntityManager) => {
      await tx.insert(DeliveryAttemptEntity, {
        deliveryId: o.deliveryId,
        attemptedAt: o.attemptedAt,
        durationMs: o.durationMs,
        httpStatus: o.httpStatus,
        error: o.error,
      });
      await tx.update(
        DeliveryEntity,
        { id: o.deliveryId },
        {
          status: o.status,
          attempts: o.attempts,
          firstAttemptAt: o.firstAttemptAt,
          leaseUntil: null,
          ...(o.nextAttemptAt !== null && { nextAttemptAt: o.nextAttemptAt }),
          finishedAt: o.status === 'pending' ? null : o.attemptedAt,
          outcome: o.outcome,
        },
      );
    });
  }

  /** Queues the same bytes once more, as Meta's at-least-once delivery does. */
  async insertDuplicate(of: ClaimedDelivery, at: Date): Promise<void> {
    await this.db.getRepository(DeliveryEntity).insert({
      appId: of.appId,
      callbackUrl: of.callbackUrl,
      body: of.body,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      duplicateOf: of.id,
      createdAt: at,
    });
  }

  listDeliveries(filter: DeliveryFilter): Promise<DeliveryEntity[]> {
    return this.db.getRepository(DeliveryEntity).find({
      where: {
        ...(filter.appId && { appId: filter.appId }),
        ...(filter.status && { status: filter.status as DeliveryEntity['status'] }),
      },
      order: { id: 'DESC' },
      take: filter.limit,
    });
  }

  delivery(id: string): Promise<DeliveryEntity | null> {
    return this.db.getRepository(DeliveryEntity).findOneBy({ id });
  }

  attemptsOf(deliveryIds: string[]): Promise<DeliveryAttemptEntity[]> {
    if (deliveryIds.length === 0) return Promise.resolve([]);
    return this.db
      .getRepository(DeliveryAttemptEntity)
      .find({ where: { deliveryId: In(deliveryIds) }, order: { id: 'ASC' } });
  }

  async countUndelivered(): Promise<{ events: number; deliveries: number }> {
    const [row]: Array<{ events: string; deliveries: string }> = await this.db.query(
      `SELECT (SELECT count(*) FROM meta_sandbox.webhook_event WHERE delivery_id IS NULL) AS events,
              (SELECT count(*) FROM meta_sandbox.delivery WHERE status = 'pending') AS deliveries`,
    );
    return { events: Number(row.events), deliveries: Number(row.deliveries) };
  }
}
