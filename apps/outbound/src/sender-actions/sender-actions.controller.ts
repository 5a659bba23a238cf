import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Body, Controller, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SenderActionDto, SenderActionView } from './dto/sender-action.dto';
import { SenderActionsService } from './sender-actions.service';

@ApiTags('messages')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@Controller('v1/sender-actions')
export class SenderActionsController {
  constructor(private readonly senderActions: SenderActionsService) {}

  @Post()
  @HttpCode(200)
  @RequireScopes(['messages:send'])
  @ApiOperation({ operationId: 'sendSenderAction', summary: 'Show typing on or off, or mark the conversation seen' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiResponse({ status: 200, type: SenderActionView })
  perform(
    @Principal() principal: CrmPrincipal,
    @Body() dto: SenderActionDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<SenderActionView> {
    return this.senderActions.perform(principal, dto, key);
  }
}
