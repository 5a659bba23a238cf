import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MAX_ATTACHMENT_BYTES, UploadedFile as AttachmentFile } from '../attachments/attachment-upload';
import { JsonPartAsBody } from '../attachments/json-part-as-body.interceptor';
import { FILE_PART, MESSAGE_REQUEST_PART } from '../attachments/multipart-parts';
import { AcceptedMessageView, ListMessagesQuery, MessagePageView, MessageView } from './dto/message-views.dto';
import { SendMessageDto } from './dto/send-message.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@Controller('v1/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post()
  @RequireScopes(['messages:send'])
  @UseInterceptors(
    FileInterceptor(FILE_PART, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
    JsonPartAsBody(MESSAGE_REQUEST_PART),
  )
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    operationId: 'sendMessage',
    summary: 'Queue a message to a person on Messenger or Instagram',
    description:
      'JSON, or multipart/form-data with the part `request` (this JSON) and the part `file`: the file is ' +
      'uploaded to Meta at once and becomes `message.attachment`, which then names only its `type`.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'The same key with the same body returns the first answer (kept 24 h at least)',
  })
  @ApiResponse({ status: 202, type: AcceptedMessageView })
  async send(
    @Principal() principal: CrmPrincipal,
    @Body() dto: SendMessageDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @UploadedFile() file: AttachmentFile | undefined,
  ): Promise<AcceptedMessageView> {
    const accepted = await this.messages.send(principal, dto, key, file);
    response.status(accepted.statusCode).setHeader('Location', `/v1/messages/${accepted.body.id}`);
    if (accepted.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return accepted.body;
  }

  @Get(':id')
  @RequireScopes(['messages:read'])
  @ApiOperation({ operationId: 'getMessage', summary: 'A message with its status history' })
  @ApiResponse({ status: 200, type: MessageView })
  get(@Principal() principal: CrmPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<MessageView> {
    return this.messages.get(principal, id);
  }

  @Get()
  @RequireScopes(['messages:read'])
  @ApiOperation({
    operationId: 'listMessages',
    summary: "A conversation's outbound messages, oldest first, cursor-paged",
  })
  @ApiResponse({ status: 200, type: MessagePageView })
  list(@Principal() principal: CrmPrincipal, @Query() query: ListMessagesQuery): Promise<MessagePageView> {
    return this.messages.list(principal, query.conversationId, query.cursor, query.limit);
  }
}
