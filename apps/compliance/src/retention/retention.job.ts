import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository';
import { Clock } from '../common/clock';
import { PolicySettings } from '../common/policy-settings';
import { readingRange } from '../decisions/volume';
import { VolumeCountersRepository } from '../volume/volume-counters.repository';
import { ConversationsRepository } from '../windows/conversations.repository';

/**
 * Purges windows and audit rows older than the configured retention, and volume counters no reading looks
 * at any more, on a schedule.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJob.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly audit: AuditRepository,
    private readonly volume: VolumeCountersRepository,
    private readonly settings: PolicySettings,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.settings.retentionSweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async runOnce(): Promise<{ windows: number; audit: number; volume: number }> {
    const now = this.clock.now();
    try {
      const windows = await this.conversations.purgeOlderThan(
        new Date(now.getTime() - this.settings.windowRetentionMs),
      );
      const audit = await this.audit.purgeOlderThan(new Date(now.getTime() - this.settings.auditRetentionMs));
      const volume = await this.volume.purgeBefore(readingRange(now, this.settings.policy.volume));
      if (windows + audit + volume > 0) this.logger.log({ windows, audit, volume }, 'retention purge');
      return { windows, audit, volume };
    } catch (error) {
      this.logger.warn({ err: error }, 'retention purge failed');
      return { windows: 0, audit: 0, volume: 0 };
    }
  }
}
