import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Body, Controller, Headers, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { MAX_ATTACHMENT_BYTES, UploadedFile as AttachmentFile } from './attachment-upload';
import { AttachmentsService } from './attachments.service';
import { AttachmentView, UploadAttachmentDto } from './dto/upload-attachment.dto';
import { FILE_PART } from './multipart-parts';

@ApiTags('messages')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@Controller('v1/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @RequireScopes(['messages:send'])
  @UseInterceptors(FileInterceptor(FILE_PART, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    operationId: 'uploadAttachment',
    summary: 'Upload a file once, by URL or as multipart/form-data, to reuse it in messages',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiResponse({ status: 201, type: AttachmentView })
  upload(
    @Principal() principal: CrmPrincipal,
    @Body() dto: UploadAttachmentDto,
    @Headers('idempotency-key') key: string | undefined,
    @UploadedFile() file: AttachmentFile | undefined,
  ): Promise<AttachmentView> {
    return this.attachments.upload(principal, dto, key, file);
  }
}
