import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { OutboundAttachmentType } from '@app/contracts';
import { AccountAccess, PageTokens } from '../accounts/page-tokens';
import { replayOf, requestHash, requireIdempotencyKey } from '../idempotency/request-hash';
import { MessagesRepository } from '../messages/messages.repository';
import { SendApi } from '../sending/send-api';
import { fileFingerprint, UploadedFile, uploadBody } from './attachment-upload';
import { AttachmentView, UploadAttachmentDto } from './dto/upload-attachment.dto';

const OPERATION = 'POST /v1/attachments';

/** Uploads a file to Meta once, by URL or as sent, for reuse in any number of messages of the same account. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly answers: MessagesRepository,
    private readonly tokens: PageTokens,
    private readonly sendApi: SendApi,
  ) {}

  async upload(
    principal: CrmPrincipal,
    dto: UploadAttachmentDto,
    key: string | undefined,
    file?: UploadedFile,
  ): Promise<AttachmentView> {
    requireIdempotencyKey(key);
    const source = sourceOf(dto, file);
    const hash = requestHash(OPERATION, { ...dto, ...(file && { file: fileFingerprint(file) }) });
    const stored = replayOf(await this.answers.storedAnswer(principal.tenantId, key), OPERATION, hash);
    if (stored) return stored.response as unknown as AttachmentView;
    const access = await this.tokens.accessFor(principal.tenantId, dto.channel, dto.accountId);
    const view: AttachmentView = { attachmentId: await this.uploadToMeta(access, dto.type, source) };
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

  /** Meta's id of the uploaded attachment, reusable by this account only. */
  async uploadToMeta(
    access: AccountAccess,
    type: OutboundAttachmentType,
    source: { url: string } | { file: UploadedFile },
  ): Promise<string> {
    const outcome = await this.sendApi.upload(access, uploadBody(type, source));
    if (!outcome.ok) {
      throw new DomainError('upstream_failed', `Meta refused the attachment: ${outcome.error.reason}.`, {
        reason: outcome.error.reason,
        metaCode: outcome.error.metaCode,
        metaSubcode: outcome.error.metaSubcode,
      });
    }
    return outcome.attachmentId;
  }
}

function sourceOf(dto: UploadAttachmentDto, file: UploadedFile | undefined): { url: string } | { file: UploadedFile } {
  if (dto.url !== undefined && file === undefined) return { url: dto.url };
  if (file !== undefined && dto.url === undefined) {
    if (file.size === 0) throw invalid('file is empty');
    return { file };
  }
  throw invalid('give either url or, as multipart/form-data, the part file');
}

function invalid(problem: string): DomainError {
  return new DomainError('validation_failed', 'The attachment needs exactly one source.', { errors: [problem] });
}
