import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LimitsDto } from '../admin/dto/admin.dto';
import { RateLimitService } from './rate-limit.service';

@ApiTags('sandbox: rate limits')
@Controller('_sandbox/limits')
export class LimitsController {
  constructor(private readonly limits: RateLimitService) {}

  @Get()
  @ApiOperation({ operationId: 'getLimits' })
  current() {
    return this.limits.current();
  }

  @Put()
  @ApiOperation({
    operationId: 'setLimits',
    summary: 'Override some limits (count per window) and reset every counter',
  })
  configure(@Body() dto: LimitsDto) {
    return this.limits.configure(dto);
  }

  @Post('reset')
  @HttpCode(204)
  @ApiOperation({ operationId: 'resetLimitCounters' })
  reset(): void {
    this.limits.reset();
  }
}
