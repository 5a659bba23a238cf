import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InternalTokenGuard } from '@app/auth';
import { DecisionsService } from './decisions.service';
import { DecisionRequestDto, DecisionResponseDto, PacingDto, PacingParams } from './dto/decision.dto';

/** Internal routes for outbound, behind the shared internal API token. */
@ApiTags('internal')
@ApiBearerAuth()
@UseGuards(InternalTokenGuard)
@Controller('internal/v1')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post('decisions')
  @HttpCode(200)
  @ApiOperation({ operationId: 'decideSend', summary: 'May this message be sent now? Recorded in the audit.' })
  @ApiOkResponse({ type: DecisionResponseDto })
  decide(@Body() request: DecisionRequestDto): Promise<DecisionResponseDto> {
    return this.decisions.decide(request);
  }

  @Get('pacing/:channel/:accountId')
  @ApiOperation({ operationId: 'getPacing', summary: "An account's sending budget against Meta's high-volume limits" })
  @ApiOkResponse({ type: PacingDto })
  pacing(@Param() params: PacingParams): Promise<PacingDto> {
    return this.decisions.pacing(params.channel, params.accountId);
  }
}
