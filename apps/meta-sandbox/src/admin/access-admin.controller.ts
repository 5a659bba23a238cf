import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExpireTokenDto, InvalidateSessionsDto, TasksDto } from './dto/admin.dto';
import { SandboxAdminService } from './sandbox-admin.service';

@ApiTags('sandbox: users, tokens, attachments')
@Controller('_sandbox')
export class AccessAdminController {
  constructor(private readonly admin: SandboxAdminService) {}

  @Post('users/:id/invalidate-sessions')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'invalidateSessions',
    summary: 'Password change, logout… : every token of the user answers 190 with the matching subcode',
  })
  invalidate(@Param('id') id: string, @Body() dto: InvalidateSessionsDto) {
    return this.admin.invalidateSessions(id, dto.reason);
  }

  @Put('users/:id/pages/:pageId/tasks')
  @ApiOperation({ operationId: 'setPageTasks', summary: 'Change what a user can do on a Page ([] removes the role)' })
  tasks(@Param('id') id: string, @Param('pageId') pageId: string, @Body() dto: TasksDto) {
    return this.admin.setTasks(id, pageId, dto.tasks);
  }

  @Post('tokens/expire')
  @HttpCode(200)
  @ApiOperation({ operationId: 'expireToken', summary: 'Make a token expired (190 / 463)' })
  expire(@Body() dto: ExpireTokenDto) {
    return this.admin.expireToken(dto.token);
  }

  @Get('attachments/:id/content')
  @ApiOperation({ operationId: 'getAttachmentContent', summary: 'Bytes of an attachment uploaded as multipart' })
  async content(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const { mimeType, content } = await this.admin.attachmentContent(id);
    res.type(mimeType).send(content);
  }
}
