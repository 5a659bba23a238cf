import { HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Graph, GraphCall } from '../graph/graph-call';
import { GraphController } from '../graph/graph-controller.decorator';
import { GraphRequestService } from '../graph/graph-request.service';
import { AttachmentService, type UploadedFile as Upload } from './attachment.service';
import { SendService } from './send.service';

const MAX_UPLOAD_BYTES = 26 * 1024 * 1024;

@GraphController()
export class SendController {
  constructor(
    private readonly graph: GraphRequestService,
    private readonly sendApi: SendService,
    private readonly attachments: AttachmentService,
  ) {}

  @Post(':id/messages')
  @HttpCode(200)
  async send(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'post');
    return this.sendApi.send(call, ctx, node);
  }

  @Post(':id/message_attachments')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('filedata', { limits: { fileSize: MAX_UPLOAD_BYTES } }))
  async upload(@Graph() call: GraphCall, @Param('id') id: string, @UploadedFile() file: Upload | undefined) {
    const { ctx, node } = await this.graph.open(call, id, 'post');
    return this.attachments.upload(call, ctx, node, file);
  }
}
