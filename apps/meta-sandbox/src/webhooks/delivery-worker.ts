import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, Dice } from '../common/ids';
import { SandboxMetrics } from '../common/sandbox-metrics';
import { SandboxSettings } from '../common/sandbox-settings';
import { WorldRepository } from '../world/world.repository';
import { AppEntity } from '../world/world.entities';
import { planDeliveries } from './batching';
import { serializeAsMeta } from './meta-json';
import { nextAttemptAt } from './retry-policy';
import { signDelivery } from './signature';
import { ClaimedDelivery, WebhookRepository } from './webhook.repository';
import { WebhookTransport } from './webhook-transport';
import { DeliveryKick } from './webhook-emitter.service';

export interface TickResult {
  batched: number;
  attempted: number;
  delivered: number;
}

const CLAIM_BATCH = 100;

/**
 * Delivers webhooks from the sandbox's tables, so nothing queued is lost on restart: batches due events into
 * signed bodies, POSTs them, and retries failures with Meta's backoff. One tick at a time per process;
 * leases keep several processes apart.
 */
@Injectable()
export class DeliveryWorker extends DeliveryKick implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<TickResult> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly world: WorldRepository,
    private readonly transport: WebhookTransport,
    private readonly clock: Clock,
    private readonly dice: Dice,
    private readonly settings: SandboxSettings,
    private readonly metrics: SandboxMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (this.settings.delivery.autoDeliver) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  kick(): void {
    if (!this.settings.delivery.autoDeliver || this.stopped) return;
    if (this.current) this.again = true;
    else this.schedule(0);
  }

  /**
   * Runs one batch-and-send pass after any pass in progress. `flush` also covers apps whose deliveries are
   * paused (a test batching on purpose).
   */
  async tick(flush = false): Promise<TickResult> {
    while (this.current) await this.current.catch(() => undefined);
    this.current = this.runOnce(flush);
    try {
      return await this.current;
    } finally {
      this.current = null;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick()
        .catch((e: unknown) => this.logger.error({ err: e }, 'delivery tick failed'))
        .finally(() => {
          const next = this.again ? 0 : this.settings.delivery.pollMs;
          this.again = false;
          this.schedule(next);
        });
    }, delayMs);
  }

  private async runOnce(flush: boolean): Promise<TickResult> {
    const now = new Date(this.clock.now());
    const batched = await this.batch(now, flush);
    const claimed = await this.webhooks.claimDue(
      now,
      new Date(now.getTime() + this.settings.delivery.timeoutMs + 5000),
      CLAIM_BATCH,
      flush,
    );
    const apps = new Map((await this.world.appsByIds([...new Set(claimed.map((c) => c.appId))])).map((a) => [a.id, a]));
    const perApp = new Map<string, ClaimedDelivery[]>();
    for (const c of claimed) perApp.set(c.appId, [...(perApp.get(c.appId) ?? []), c]);
    let delivered = 0;
    // Apps in parallel, each app's deliveries in order.
    await Promise.all(
      [...perApp.entries()].map(async ([appId, deliveries]) => {
        for (const d of deliveries) {
          const app = apps.get(appId);
          if (app && (await this.attempt(app, d))) delivered += 1;
        }
      }),
    );
    return { batched, attempted: claimed.length, delivered };
  }

  private batch(now: Date, flush: boolean): Promise<number> {
    return this.webhooks.batchDueEvents(now, flush, (app, events) =>
      planDeliveries(events, {
        maxEventsPerDelivery: this.settings.delivery.maxEventsPerDelivery,
        reorder: app.reorder,
        now: now.getTime(),
      }).map((p) => ({
        eventIds: p.eventIds,
        appId: app.id,
        callbackUrl: app.callbackUrl,
        body: serializeAsMeta(p.body),
      })),
    );
  }

  private async attempt(app: AppEntity, d: ClaimedDelivery): Promise<boolean> {
    const signatures = signDelivery(d.body, app.secret);
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'facebookexternalua',
      'X-Hub-Signature': signatures.sha1,
      'X-Hub-Signature-256': signatures.sha256,
    };
    const started = this.clock.now();
    const result = await this.transport.post(d.callbackUrl, d.body, headers, this.settings.delivery.timeoutMs);
    const finished = this.clock.now();
    const attemptedAt = new Date(started);
    const firstAttemptAt = d.firstAttemptAt ?? attemptedAt;
    const attempts = d.attempts + 1;
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    this.metrics.attempt(ok);
    if (ok) {
      await this.webhooks.recordAttempt({
        deliveryId: d.id,
        attemptedAt,
        durationMs: finished - started,
        httpStatus: result.status,
        error: null,
        status: 'delivered',
        attempts,
        firstAttemptAt,
        nextAttemptAt: null,
        outcome: null,
      });
      this.metrics.deliveryFinished('delivered');
      if (app.failingSince !== null) await this.world.updateApp(app.id, { failingSince: null });
      if (d.duplicateOf === null && app.duplicateRate > 0 && this.dice.roll() < app.duplicateRate)
        await this.webhooks.insertDuplicate(d, new Date(finished));
      return true;
    }
    const next = nextAttemptAt(attempts, firstAttemptAt.getTime(), finished, this.settings.delivery.retry);
    const outcome = await this.noteFailure(app, d, finished);
    await this.webhooks.recordAttempt({
      deliveryId: d.id,
      attemptedAt,
      durationMs: finished - started,
      httpStatus: result.status,
      error: result.error ?? `HTTP ${result.status}`,
      status: next === null ? 'dropped' : 'pending',
      attempts,
      firstAttemptAt,
      nextAttemptAt: next === null ? null : new Date(next),
      outcome: outcome ?? (next === null ? 'dropped: retries exhausted' : null),
    });
    if (next === null) this.metrics.deliveryFinished('dropped');
    return false;
  }

  /** Tracks the app's run of failures; after `disableAfterMs` Meta unsubscribes the app from the Pages concerned. */
  private async noteFailure(app: AppEntity, d: ClaimedDelivery, now: number): Promise<string | null> {
    if (app.failingSince === null) {
      app.failingSince = new Date(now);
      await this.world.updateApp(app.id, { failingSince: app.failingSince });
      return null;
    }
    if (now - app.failingSince.getTime() < this.settings.delivery.disableAfterMs) return null;
    const pageIds = await this.pagesOf(d.body);
    await this.world.unsubscribe(app.id, pageIds);
    this.logger.warn({ appId: app.id, pageIds }, 'webhooks disabled: app unsubscribed after continuous failures');
    return `webhooks disabled: app unsubscribed from ${pageIds.join(', ')}`;
  }

  private async pagesOf(body: string): Promise<string[]> {
    const parsed = JSON.parse(body) as { object: string; entry: Array<{ id: string }> };
    const ids = [...new Set(parsed.entry.map((e) => e.id))];
    if (parsed.object === 'page') return ids;
    const pages = await Promise.all(ids.map((id) => this.world.instagramAccount(id)));
    return pages.flatMap((p) => (p ? [p.pageId] : []));
  }
}
