import { ComplianceDecisionEvent, Topics } from '@app/contracts';
import { EventPublisher } from '@app/kafka';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditRepository } from './audit.repository';

const BATCH = 500;
const SWEEP_MS = 1000;

export const DECISION_CE_TYPE = 'parley.compliance.decision.v1';

export function decisionRecord(decision: ComplianceDecisionEvent) {
  return {
    key: decision.conversationId,
    type: DECISION_CE_TYPE,
    id: decision.decisionId,
    data: decision,
    time: decision.decidedAt,
  };
}

/**
 * Publishes stored decisions to `compliance.decision.v1` off the request path: a decision answers as soon
 * as its audit row is durable, and the outbox guarantees it reaches Kafka even after a Kafka outage.
 */
@Injectable()
export class DecisionRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DecisionRelay.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly audit: AuditRepository,
    private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts a flush, or asks the running one to go round once more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.flushUntilIdle().finally(() => (this.running = null));
  }

  /** Publishes every queued decision; resolves once the outbox was empty (or publishing failed). */
  async flush(): Promise<void> {
    for (;;) {
      const batch = await this.audit.pending(BATCH);
      if (batch.length === 0) return;
      await this.publisher.publish(Topics.complianceDecision, batch.map(decisionRecord));
      await this.audit.markPublished(batch.map((d) => d.decisionId));
      if (batch.length < BATCH) return;
    }
  }

  private async flushUntilIdle(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.flush();
      } catch (error) {
        this.logger.warn({ err: error }, 'decision publishing failed, retrying');
        return;
      }
    } while (this.again);
  }
}
