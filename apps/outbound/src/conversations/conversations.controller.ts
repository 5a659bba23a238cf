import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HandoverDto, HandoverView } from './dto/handover.dto';
import { ConversationsService } from './conversations.service';
import { ConversationMessage } from './recent-messages';

@ApiTags('conversations')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@Controller('v1/conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get(':id/messages')
  @RequireScopes(['messages:read'])
  @ApiParam({ name: 'id', example: 'messenger:1122:6543' })
  @ApiOperation({ operationId: 'getConversationMessages', summary: "The conversation's 20 newest messages, from Meta" })
  messages(@Principal() principal: CrmPrincipal, @Param('id') id: string): Promise<{ data: ConversationMessage[] }> {
    return this.conversations.messages(principal, id);
  }

  @Get(':id/participant')
  @RequireScopes(['messages:read'])
  @ApiParam({ name: 'id', example: 'instagram:1789:3344' })
  @ApiOperation({ operationId: 'getConversationParticipant', summary: "The person's profile, from Meta" })
  participant(@Principal() principal: CrmPrincipal, @Param('id') id: string): Promise<Record<string, unknown>> {
    return this.conversations.participant(principal, id);
  }

  @Post(':id/handover')
  @HttpCode(200)
  @RequireScopes(['messages:send'])
  @ApiParam({ name: 'id', example: 'messenger:1122:6543' })
  @ApiOperation({ operationId: 'controlThread', summary: 'Pass, take, request or release thread control' })
  @ApiResponse({ status: 200, type: HandoverView })
  handover(
    @Principal() principal: CrmPrincipal,
    @Param('id') id: string,
    @Body() dto: HandoverDto,
  ): Promise<HandoverView> {
    return this.conversations.handover(principal, id, dto);
  }
}
