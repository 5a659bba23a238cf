import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { iso } from '../common/iso';
import { ConversationIdParam, WindowDto } from './dto/window.dto';
import { WindowsService } from './windows.service';

@ApiTags('conversations')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@RequireScopes(['compliance:read'])
@Controller('v1/conversations')
export class WindowsController {
  constructor(private readonly windows: WindowsService) {}

  @Get(':id/window')
  @ApiOperation({ operationId: 'getConversationWindow', summary: "A conversation's messaging windows and opt-out" })
  @ApiOkResponse({ type: WindowDto })
  async window(@Principal() principal: CrmPrincipal, @Param() params: ConversationIdParam): Promise<WindowDto> {
    const view = await this.windows.window(principal, params.id);
    return {
      conversationId: params.id,
      open: view.open,
      closesAt: iso(view.closesAt),
      humanAgentUntil: iso(view.humanAgentUntil),
      adWindowUntil: iso(view.adWindowUntil),
      optedOut: view.optedOut,
      lastUserActionAt: iso(view.lastUserActionAt),
    };
  }
}
