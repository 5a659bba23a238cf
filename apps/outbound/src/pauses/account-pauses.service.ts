import { InboundEvent, OutboundChannel, OutboundFailure } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { AccountPauseEntity } from './account-pause.entity';
import { AccountPausesRepository } from './account-pauses.repository';
import { isPaused, pauseDurationMs, PausePolicy } from './pause-policy';

export class PauseSettings implements PausePolicy {
  constructor(
    readonly baseMs: number,
    readonly maxMs: number,
  ) {}
}

/** The failure of a message that met a paused account: it was not sent, and the CRM learns until when. */
export function pausedFailure(pause: AccountPauseEntity): OutboundFailure {
  return {
    reason: 'account_paused',
    detail: `Sending from this account is paused until ${pause.pausedUntil.toISOString()}: ${pause.reason}`,
    metaCode: pause.metaCode,
    metaSubcode: null,
    fbtraceId: null,
  };
}

/**
 * The per-account circuit breaker for Meta's restrictions (error 368, 10/1893063, a policy block): a
 * restricted account sends nothing until its pause ends, then one message probes whether Meta lets it
 * send again. A policy `unblock` lifts the pause at once.
 */
@Injectable()
export class AccountPauses {
  private readonly logger = new Logger(AccountPauses.name);

  constructor(
    private readonly pauses: AccountPausesRepository,
    private readonly settings: PauseSettings,
    private readonly clock: Clock,
  ) {}

  /** The account's pause, in force or ended and waiting for a probe; null when it was never restricted. */
  find(channel: OutboundChannel, accountId: string): Promise<AccountPauseEntity | null> {
    return this.pauses.find(channel, accountId);
  }

  /** The pause in force now, if any. */
  async current(channel: OutboundChannel, accountId: string): Promise<AccountPauseEntity | null> {
    const pause = await this.pauses.find(channel, accountId);
    return isPaused(pause, this.clock.now()) ? pause : null;
  }

  /** Meta restricted the account: pause it, longer for each restriction in a row. */
  async restrict(channel: OutboundChannel, accountId: string, failure: OutboundFailure): Promise<AccountPauseEntity> {
    const previous = await this.pauses.find(channel, accountId);
    const strikes = (previous?.strikes ?? 0) + 1;
    return this.pause(channel, accountId, failure.detail, failure.metaCode, strikes, pauseDurationMs(strikes, this.settings));
  }

  /** A message went through after a pause: the account is healthy again. */
  async lift(channel: OutboundChannel, accountId: string): Promise<void> {
    await this.pauses.remove(channel, accountId);
    this.logger.log({ channel, accountId }, 'Account pause lifted');
  }

  /** Meta's `messaging_policy_enforcement`: a block pauses for the longest time, an unblock lifts it. */
  async onInbound(event: InboundEvent): Promise<void> {
    if (event.kind !== 'policy_enforcement') return;
    const channel = event.channel;
    const action = event.policyEnforcement.action?.toLowerCase();
    if (action === 'block') {
      const reason = event.policyEnforcement.reason ?? 'Meta blocked the account for a policy violation.';
      await this.pause(channel, event.accountId, reason, null, 1, this.settings.maxMs);
    } else if (action === 'unblock' && (await this.pauses.find(channel, event.accountId))) {
      await this.lift(channel, event.accountId);
    }
  }

  private async pause(
    channel: OutboundChannel,
    accountId: string,
    reason: string,
    metaCode: number | null,
    strikes: number,
    durationMs: number,
  ): Promise<AccountPauseEntity> {
    const now = this.clock.now();
    const pause = Object.assign(new AccountPauseEntity(), {
      channel,
      accountId,
      reason,
      metaCode,
      strikes,
      pausedAt: now,
      pausedUntil: new Date(now.getTime() + durationMs),
    });
    await this.pauses.save(pause);
    this.logger.warn({ channel, accountId, metaCode, strikes, pausedUntil: pause.pausedUntil }, 'Account paused');
    return pause;
  }
}
