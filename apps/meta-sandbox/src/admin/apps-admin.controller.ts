import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppPatchDto, ChaosDto } from './dto/admin.dto';
import { SandboxAdminService } from './sandbox-admin.service';

@ApiTags('sandbox: apps and deliveries')
@Controller('_sandbox')
export class AppsAdminController {
  constructor(private readonly admin: SandboxAdminService) {}

  @Get('apps/:id')
  @ApiOperation({ operationId: 'getSandboxApp' })
  app(@Param('id') id: string) {
    return this.admin.app(id);
  }

  @Patch('apps/:id')
  @ApiOperation({
    operationId: 'updateSandboxApp',
    summary: 'Callback URL, Require App Secret, Human Agent approval, Instagram fields',
  })
  patch(@Param('id') id: string, @Body() dto: AppPatchDto) {
    return this.admin.patchApp(id, dto);
  }

  @Put('apps/:id/chaos')
  @ApiOperation({
    operationId: 'setDeliveryChaos',
    summary: 'Inject duplicate deliveries, reorder events, or pause deliveries',
  })
  chaos(@Param('id') id: string, @Body() dto: ChaosDto) {
    return this.admin.chaos(id, dto);
  }

  @Post('apps/:id/verify-callback')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyCallback',
    summary: 'Run Meta’s hub.challenge handshake against the callback URL',
  })
  verify(@Param('id') id: string) {
    return this.admin.verifyCallback(id);
  }

  @Post('deliveries/flush')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'flushDeliveries',
    summary: 'Batch due events and attempt due deliveries now (also while paused)',
  })
  flush() {
    return this.admin.flush();
  }
}
