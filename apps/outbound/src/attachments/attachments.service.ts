import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { PageTokens } from '../accounts/page-tokens';
import { replayOf, requestHash, requireIdempotencyKey } from '../idempotency/request-hash';
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
    requireIdempotencyKey(key);
    const hash = requestHash(OPERATION, dto);
    const stored = replayOf(await this.answers.storedAnswer(principal.tenantId, key), OPERATION, hash);
    if (stored) return stored.response as unknown as AttachmentView;
    const access = await this.tokens.accessFor(principal.tenantId, dto.channel, dto.accountId);
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
