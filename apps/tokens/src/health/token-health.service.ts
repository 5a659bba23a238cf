import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { MetaCallbackEvent, OutboundStatusEvent } from '@app/contracts';
import { MetaGraphError } from '@app/meta';
import { Clock } from '../common/clock';
import { TokensConfig } from '../config/tokens.config';
import { ConnectionsRepository } from '../connections/connections.repository';
import { ConnectionsService } from '../connections/connections.service';
import { MetaApi } from '../meta/meta-api';
import { debugTokenProblem, invalidTokenReason } from './token-health-rules';

/** Keeps connection statuses true: outbound's token errors, Meta's deauthorize callbacks, a periodic check. */
@Injectable()
export class TokenHealthService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TokenHealthService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly connections: ConnectionsService,
    private readonly repository: ConnectionsRepository,
    private readonly meta: MetaApi,
    private readonly clock: Clock,
    private readonly config: TokensConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.HEALTH_CHECK_INTERVAL_SECONDS;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.checkAll().finally(() => (this.running = null));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async onOutboundStatus(event: OutboundStatusEvent): Promise<void> {
    const reason = invalidTokenReason(event);
    if (reason) await this.connections.markInvalid(event.accountId, reason);
  }

  async onMetaCallback(event: MetaCallbackEvent): Promise<void> {
    if (event.kind !== 'deauthorize') return;
    const granted = (await this.repository.listActive()).filter((c) => c.grantedBy === event.appScopedUserId);
    for (const c of granted) await this.connections.disconnect(c.pageId, 'deauthorized', false);
  }

  /** Every active connection: is the token still valid, is the subscription whole. */
  async checkAll(): Promise<void> {
    for (const connection of await this.repository.listActive()) {
      try {
        await this.check(connection.pageId);
      } catch (e) {
        const meta = e instanceof MetaGraphError ? { code: e.code, subcode: e.subcode } : { error: (e as Error).name };
        this.logger.warn({ pageId: connection.pageId, ...meta }, 'Connection check failed');
      }
    }
  }

  async check(pageId: string): Promise<void> {
    const { pageToken, userToken } = await this.connections.tokens(pageId);
    const now = this.clock.now();
    const problem = debugTokenProblem(await this.meta.debugToken(pageToken), Math.floor(now.getTime() / 1000));
    if (problem) {
      await this.connections.markInvalid(pageId, problem);
      return;
    }
    if (userToken) {
      const granted = (await this.meta.permissions(userToken)).filter((p) => p.status === 'granted');
      await this.connections.updatePermissions(
        pageId,
        granted.map((p) => p.permission),
      );
    }
    await this.connections.repairSubscription(pageId);
    await this.repository.markChecked(pageId, now);
  }
}
