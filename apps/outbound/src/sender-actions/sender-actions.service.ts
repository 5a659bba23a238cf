import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { PageTokens } from '../accounts/page-tokens';
import { Clock, sleep } from '../common/clock';
import { isValidIdempotencyKey, requestHash } from '../idempotency/request-hash';
import { MessagesRepository } from '../messages/messages.repository';
import { SendApi } from '../sending/send-api';
import { SendPacer } from '../sending/send-pacer';
import { SenderActionDto, SenderActionView } from './dto/sender-action.dto';

const OPERATION = 'POST /v1/sender-actions';

/**
 * Typing indicators and mark-seen go to Meta at once: they are worth nothing later, so they are not queued.
 * They still count against the account's pace in this replica.
 */
@Injectable()
export class SenderActionsService {
  constructor(
    private readonly answers: MessagesRepository,
    private readonly tokens: PageTokens,
    private readonly sendApi: SendApi,
    private readonly pacer: SendPacer,
    private readonly clock: Clock,
  ) {}

  async perform(principal: CrmPrincipal, dto: SenderActionDto, key: string | undefined): Promise<SenderActionView> {
    if (!isValidIdempotencyKey(key)) {
      throw new DomainError(
        'validation_failed',
        'The Idempotency-Key header is required: 1 to 255 visible ASCII characters.',
        {
          errors: ['Idempotency-Key header is required'],
        },
      );
    }
    const hash = requestHash(OPERATION, dto);
    const stored = await this.answers.storedAnswer(principal.tenantId, key);
    if (stored) {
      if (stored.operation !== OPERATION || stored.requestHash !== hash) {
        throw new DomainError('idempotency_key_reused', 'This Idempotency-Key was used with another request body.');
      }
      return stored.response as unknown as SenderActionView;
    }
    const access = await this.tokens.access(dto.channel, dto.accountId);
    if (!access || access.tenantId !== principal.tenantId) {
      throw new DomainError(
        'not_found',
        `The ${dto.channel} account ${dto.accountId} is not connected for this tenant.`,
      );
    }
    const now = this.clock.now().getTime();
    await sleep(this.pacer.reserve(dto.accountId, dto.channel, 'text', now) - now);
    const outcome = await this.sendApi.send(access, { recipient: { id: dto.recipientId }, sender_action: dto.action });
    this.pacer.observe(dto.accountId, outcome.usage, this.clock.now().getTime());
    if (!outcome.ok) {
      if (outcome.failure.kind === 'token-invalid') this.tokens.forget(dto.channel, dto.accountId);
      throw new DomainError('upstream_failed', `Meta refused the sender action: ${outcome.error.reason}.`, {
        reason: outcome.error.reason,
        metaCode: outcome.error.metaCode,
        metaSubcode: outcome.error.metaSubcode,
      });
    }
    const view: SenderActionView = { recipientId: dto.recipientId, action: dto.action };
    await this.answers.storeAnswer({
      tenantId: principal.tenantId,
      key,
      operation: OPERATION,
      requestHash: hash,
      statusCode: 200,
      response: { ...view },
    });
    return view;
  }
}
