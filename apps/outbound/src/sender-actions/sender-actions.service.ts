import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { PageTokens } from '../accounts/page-tokens';
import { Clock, sleep } from '../common/clock';
import { replayOf, requestHash, requireIdempotencyKey } from '../idempotency/request-hash';
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
    requireIdempotencyKey(key);
    const hash = requestHash(OPERATION, dto);
    const stored = replayOf(await this.answers.storedAnswer(principal.tenantId, key), OPERATION, hash);
    if (stored) return stored.response as unknown as SenderActionView;
    const access = await this.tokens.accessFor(principal.tenantId, dto.channel, dto.accountId);
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
