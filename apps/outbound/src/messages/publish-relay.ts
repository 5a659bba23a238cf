import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';

export class RelaySettings {
  constructor(
    readonly intervalMs: number = 5000,
    /** Rows younger than this may still be on their way from the request that stored them. */
    readonly graceMs: number = 10_000,
    readonly idempotencyTtlMs: number = 48 * 3600_000,
  ) {}
}

/**
 * Publishes accepted messages whose request could not reach Kafka when they were stored, and forgets
 * idempotency answers past their time. A request published twice is harmless: the worker skips settled messages.
 */
@Injectable()
export class PublishRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PublishRelay.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly service: MessagesService,
    private readonly clock: Clock,
    private readonly settings: RelaySettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.settings.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const now = this.clock.now().getTime();
      for (const message of await this.messages.unpublishedBefore(new Date(now - this.settings.graceMs), 100)) {
        await this.service.publish(message);
      }
      await this.messages.forgetAnswersBefore(new Date(now - this.settings.idempotencyTtlMs));
    } catch (error) {
      this.logger.warn({ error: String(error) }, 'Publish relay round failed');
    } finally {
      this.running = false;
    }
  }
}
