import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
  @ApiOperation({ operationId: 'sendMessage', summary: 'Queue a message to a person on Messenger or Instagram' })
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
  ): Promise<AcceptedMessageView> {
    const accepted = await this.messages.send(principal, dto, key);
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
