import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Body, Controller, Headers, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AttachmentsService } from './attachments.service';
import { AttachmentView, UploadAttachmentDto } from './dto/upload-attachment.dto';

@ApiTags('messages')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@Controller('v1/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @RequireScopes(['messages:send'])
  @ApiOperation({ operationId: 'uploadAttachment', summary: 'Upload a file by URL once, to reuse it in messages' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiResponse({ status: 201, type: AttachmentView })
  upload(
    @Principal() principal: CrmPrincipal,
    @Body() dto: UploadAttachmentDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<AttachmentView> {
    return this.attachments.upload(principal, dto, key);
  }
}
