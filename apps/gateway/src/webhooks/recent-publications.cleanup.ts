import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RecentPublicationsRepository } from './recent-publications.repository';
import { WebhookSettings } from './webhook-settings';

const CLEANUP_INTERVAL_MS = 60_000;

/** Keeps the dedupe window bounded: drops ids older than the window once a minute. */
@Injectable()
export class RecentPublicationsCleanup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecentPublicationsCleanup.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly recent: RecentPublicationsRepository,
    private readonly settings: WebhookSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), CLEANUP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async runOnce(): Promise<number> {
    try {
      const removed = await this.recent.forgetOlderThan(this.settings.dedupeWindowSeconds);
      if (removed > 0) this.logger.debug({ removed }, 'dedupe window trimmed');
      return removed;
    } catch (error) {
      this.logger.warn({ err: error }, 'dedupe window cleanup failed');
      return 0;
    }
  }
}
