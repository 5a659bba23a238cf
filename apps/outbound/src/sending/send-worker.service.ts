import { OutboundFailure, OutboundRequestEvent } from '@app/contracts';
import { PoisonRecordError, RetriableError } from '@app/kafka';
import { Injectable, Logger } from '@nestjs/common';
import { PageTokens } from '../accounts/page-tokens';
import { Clock, sleep } from '../common/clock';
import { MessagesRepository, StatusUpdate } from '../messages/messages.repository';
import { OutboundEvents } from '../messages/outbound-events';
import { OutboundMessageEntity } from '../messages/outbound-message.entity';
import { AccountPauses, pausedFailure } from '../pauses/account-pauses.service';
import { isPaused } from '../pauses/pause-policy';
import { BackoffPolicy, decideRetry } from './backoff';
import { LostSendSettler } from './lost-send-settler';
import { sendApiBody, sendKindOf } from './send-api-body';
import { SendApi } from './send-api';
import { SendPacer } from './send-pacer';

export class SendWorkerSettings {
  constructor(
    readonly backoff: BackoffPolicy,
    /** Longest wait for a pacing slot inside the handler; longer waits go back to the consumer's retry. */
    readonly maxInlineWaitMs: number = 5000,
    /** How long to wait for an echo to settle a send whose outcome is unknown. */
    readonly echoWaitMs: number = 5000,
  ) {}
}

const OUTCOME_UNKNOWN: OutboundFailure = {
  reason: 'outcome_unknown',
  detail: "Meta's answer was lost; neither an echo nor the Conversations API proved the message was sent.",
  metaCode: null,
  metaSubcode: null,
  fbtraceId: null,
};

const LOST_NOT_SENT: OutboundFailure = {
  reason: 'temporary_error',
  detail: "Meta's answer was lost, and the Conversations API shows the message was not sent.",
  metaCode: null,
  metaSubcode: null,
  fbtraceId: null,
};

/**
 * Sends one accepted message: paced per account, retried with backoff on transient errors, never re-sent
 * blindly when Meta may already have sent it. The consumer of an account's partition is the only sender
 * for that account, and a conversation's records are handled one after the other (its lane), so order holds.
 */
@Injectable()
export class SendWorkerService {
  private readonly logger = new Logger(SendWorkerService.name);

  constructor(
    private readonly messages: MessagesRepository,
    private readonly events: OutboundEvents,
    private readonly tokens: PageTokens,
    private readonly sendApi: SendApi,
    private readonly pacer: SendPacer,
    private readonly pauses: AccountPauses,
    private readonly settler: LostSendSettler,
    private readonly clock: Clock,
    private readonly settings: SendWorkerSettings,
  ) {}

  async handle(request: OutboundRequestEvent, correlationId?: string): Promise<void> {
    const message = await this.messages.find(request.messageId);
    if (!message) throw new PoisonRecordError(`message ${request.messageId} is not stored`);
    if (message.status !== 'accepted') return this.republish(message, correlationId);
    // An attempt was counted but left no result: the process stopped while the call was out.
    if (message.attempts > 0 && message.failure === null)
      return this.settleUnknown(message, message.attempts, message.updatedAt, correlationId);

    const access = await this.tokens.access(message.channel, message.accountId);
    if (!access) {
      return this.fail(
        message,
        {
          reason: 'account_not_connected',
          detail: 'The account has no usable connection.',
          metaCode: null,
          metaSubcode: null,
          fbtraceId: null,
        },
        false,
        correlationId,
      );
    }
    const pause = await this.pauses.find(message.channel, message.accountId);
    if (isPaused(pause, this.clock.now())) return this.fail(message, pausedFailure(pause), false, correlationId);

    const now = this.clock.now().getTime();
    const slot = this.pacer.reserve(message.accountId, message.channel, sendKindOf(message.content), now);
    if (slot - now > this.settings.maxInlineWaitMs)
      throw new RetriableError('account paced', { retryAfterMs: slot - now });
    await sleep(slot - now);

    const startedAt = this.clock.now();
    const attempt = await this.messages.countAttempt(message.id, startedAt);
    const outcome = await this.sendApi.send(access, sendApiBody(request));
    this.pacer.observe(message.accountId, outcome.usage, this.clock.now().getTime());
    if (outcome.ok) {
      // The first message after a pause went through: Meta lets the account send again.
      if (pause) await this.pauses.lift(message.channel, message.accountId);
      return this.advance(
        message,
        {
          status: 'sent',
          occurredAt: this.clock.now(),
          metaMessageId: outcome.metaMessageId,
          sentAt: startedAt,
          failure: null,
        },
        correlationId,
      );
    }
    const { failure, error } = outcome;
    switch (failure.kind) {
      case 'retry': {
        const decision = decideRetry(
          failure,
          attempt,
          this.settings.backoff,
          Math.random(),
          outcome.usage.regainAccessInMs,
        );
        if (decision.action === 'fail') return this.fail(message, error, false, correlationId);
        await this.messages.noteFailedAttempt(message.id, error, this.clock.now());
        this.logger.warn(
          { messageId: message.id, attempt, reason: error.reason, metaCode: error.metaCode, delayMs: decision.delayMs },
          'Send failed, retrying',
        );
        throw new RetriableError(`send failed (${error.reason}), retrying`, { retryAfterMs: decision.delayMs });
      }
      case 'token-invalid':
        this.tokens.forget(message.channel, message.accountId);
        return this.fail(message, error, false, correlationId);
      case 'outcome-unknown':
        return this.settleUnknown(message, attempt, startedAt, correlationId);
      case 'permanent':
        if (failure.pausePage) await this.pauses.restrict(message.channel, message.accountId, error);
        return this.fail(message, error, false, correlationId);
    }
  }

  /**
   * A send whose answer was lost is settled before anything is sent again: by its echo (the receipts
   * consumer records it), else by the conversation as the Conversations API shows it. Proven unsent, it
   * goes back to the consumer for another attempt; otherwise it fails as unknown, and a late echo can
   * still settle it as sent.
   */
  private async settleUnknown(
    message: OutboundMessageEntity,
    attempt: number,
    attemptedAt: Date,
    correlationId?: string,
  ): Promise<void> {
    if (await this.echoArrives(message.id)) return;
    const access = await this.tokens.access(message.channel, message.accountId);
    const settlement = access ? await this.settler.settle(access, message, attemptedAt) : { kind: 'unknown' as const };
    switch (settlement.kind) {
      case 'sent':
        return this.advance(
          message,
          {
            status: 'sent',
            occurredAt: this.clock.now(),
            metaMessageId: settlement.metaMessageId,
            sentAt: settlement.sentAt,
            failure: null,
          },
          correlationId,
        );
      case 'not-sent':
        if (attempt >= this.settings.backoff.maxAttempts) return this.fail(message, LOST_NOT_SENT, false, correlationId);
        await this.messages.noteFailedAttempt(message.id, LOST_NOT_SENT, this.clock.now());
        throw new RetriableError('send answer lost and not sent, sending again', { retryAfterMs: 0 });
      case 'unknown':
        this.logger.warn({ messageId: message.id }, 'Send outcome unknown, not re-sent');
        return this.fail(message, OUTCOME_UNKNOWN, true, correlationId);
    }
  }

  private async echoArrives(messageId: string): Promise<boolean> {
    const deadline = this.clock.now().getTime() + this.settings.echoWaitMs;
    while (this.clock.now().getTime() < deadline) {
      const current = await this.messages.find(messageId);
      if (current && current.status !== 'accepted') return true;
      await sleep(100);
    }
    return false;
  }

  private fail(
    message: OutboundMessageEntity,
    failure: OutboundFailure,
    outcomeUnknown: boolean,
    correlationId?: string,
  ): Promise<void> {
    return this.advance(
      message,
      { status: 'failed', occurredAt: this.clock.now(), failure, outcomeUnknown },
      correlationId,
    );
  }

  private async advance(message: OutboundMessageEntity, update: StatusUpdate, correlationId?: string): Promise<void> {
    if (await this.messages.recordStatus(message.id, update)) await this.events.status(message, update, correlationId);
  }

  /** A redelivered request of a message already settled: its status event may not have reached Kafka. */
  private async republish(message: OutboundMessageEntity, correlationId?: string): Promise<void> {
    const history = await this.messages.history(message.id);
    const step = history.find((s) => s.status === message.status);
    if (!step) return;
    await this.events.status(
      message,
      { status: step.status, occurredAt: step.occurredAt, metaMessageId: step.metaMessageId, failure: step.failure },
      correlationId,
    );
  }
}
