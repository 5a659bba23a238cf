import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { PageTokens } from '../accounts/page-tokens';
import { isValidIdempotencyKey, requestHash } from '../idempotency/request-hash';
import { MessagesRepository } from '../messages/messages.repository';
import { SendApi } from '../sending/send-api';
import { AttachmentView, UploadAttachmentDto } from './dto/upload-attachment.dto';

const OPERATION = 'POST /v1/attachments';

/** Uploads a file by URL to Meta once, for reuse in any number of messages of the same account. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly answers: MessagesRepository,
    private readonly tokens: PageTokens,
    private readonly sendApi: SendApi,
  ) {}

  async upload(principal: CrmPrincipal, dto: UploadAttachmentDto, key: string | undefined): Promise<AttachmentView> {
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
      return stored.response as unknown as AttachmentView;
    }
    const access = await this.tokens.access(dto.channel, dto.accountId);
    if (!access || access.tenantId !== principal.tenantId) {
      throw new DomainError(
        'not_found',
        `The ${dto.channel} account ${dto.accountId} is not connected for this tenant.`,
      );
    }
    const outcome = await this.sendApi.upload(access, {
      message: { attachment: { type: dto.type, payload: { url: dto.url, is_reusable: true } } },
    });
    if (!outcome.ok) {
      throw new DomainError('upstream_failed', `Meta refused the attachment: ${outcome.error.reason}.`, {
        reason: outcome.error.reason,
        metaCode: outcome.error.metaCode,
        metaSubcode: outcome.error.metaSubcode,
      });
    }
    const view: AttachmentView = { attachmentId: outcome.attachmentId };
    await this.answers.storeAnswer({
      tenantId: principal.tenantId,
      key,
      operation: OPERATION,
      requestHash: hash,
      statusCode: 201,
      response: { ...view },
    });
    return view;
  }
}
