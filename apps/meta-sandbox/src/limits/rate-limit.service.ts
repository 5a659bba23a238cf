import { Injectable } from '@nestjs/common';
import { Clock } from '../common/ids';
import { LimitRules, SandboxSettings } from '../common/sandbox-settings';
import { Channel, GraphErrors } from '../graph/graph-error';
import { consume, peek, WindowRule, WindowState } from './rate-window';

export type SendKind = 'text' | 'media';

export interface BusinessUseCaseUsage {
  type: 'messenger' | 'instagram';
  call_count: number;
  total_cputime: number;
  total_time: number;
  estimated_time_to_regain_access: number;
}

/**
 * Meta's rate limits with exact counts per window (meta-platform.md §7). Counters live in memory: they are
 * windows of seconds to a day, and a restart resets them as a quiet period would.
 */
@Injectable()
export class RateLimitService {
  private rules: LimitRules;
  private readonly windows = new Map<string, WindowState>();

  constructor(
    private readonly clock: Clock,
    settings: SandboxSettings,
  ) {
    this.rules = { ...settings.limits };
  }

  current(): LimitRules {
    return { ...this.rules };
  }

  /** Replaces some rules and clears every counter, so a test starts from zero. */
  configure(overrides: Partial<LimitRules>): LimitRules {
    this.rules = { ...this.rules, ...overrides };
    this.windows.clear();
    return this.current();
  }

  reset(): void {
    this.windows.clear();
  }

  /** App-level limit (code 4). Returns the `X-App-Usage` header value. */
  consumeApp(appId: string): { header: string } {
    const result = this.take(`app:${appId}`, this.rules.app);
    const header = JSON.stringify({ call_count: result.usage, total_cputime: result.usage, total_time: result.usage });
    if (!result.allowed) throw GraphErrors.appRateLimited().withHeaders({ 'X-App-Usage': header });
    return { header };
  }

  /** Business Use Case limit of a Page or Instagram account (80006 / 80002). Returns `X-Business-Use-Case-Usage`. */
  consumeBusinessUseCase(channel: Channel, accountId: string, engagedUsers: number): { header: string } {
    const base = this.rules.businessUseCase;
    const rule = { limit: base.limit * Math.max(1, engagedUsers), windowMs: base.windowMs };
    const result = this.take(`buc:${channel}:${accountId}`, rule);
    const usage: BusinessUseCaseUsage = {
      type: channel,
      call_count: result.usage,
      total_cputime: result.usage,
      total_time: result.usage,
      estimated_time_to_regain_access: Math.ceil(result.retryAfterMs / 60_000),
    };
    const header = JSON.stringify({ [accountId]: [usage] });
    if (!result.allowed) {
      throw GraphErrors.businessUseCaseRateLimited(channel).withHeaders({ 'X-Business-Use-Case-Usage': header });
    }
    return { header };
  }

  /** Per-account Send API throughput (613). */
  consumeSend(channel: Channel, accountId: string, kind: SendKind): void {
    const rule =
      channel === 'messenger'
        ? kind === 'media'
          ? this.rules.messengerSendMedia
          : this.rules.messengerSend
        : kind === 'media'
          ? this.rules.instagramSendMedia
          : this.rules.instagramSend;
    if (!this.take(`send:${kind}:${accountId}`, rule).allowed) throw GraphErrors.sendRateLimited(channel);
  }

  /** Conversations API per account (613). */
  consumeConversations(channel: Channel, accountId: string): void {
    if (!this.take(`conversations:${accountId}`, this.rules.conversations).allowed)
      throw GraphErrors.sendRateLimited(channel);
  }

  appUsage(appId: string): number {
    return peek(this.windows.get(`app:${appId}`), this.rules.app, this.clock.now());
  }

  private take(key: string, rule: WindowRule): { allowed: boolean; usage: number; retryAfterMs: number } {
    const result = consume(this.windows.get(key), rule, this.clock.now());
    this.windows.set(key, result.state);
    return { allowed: result.allowed, usage: result.usagePercent, retryAfterMs: result.retryAfterMs };
  }
}
