import { Get, HttpCode, Param, Post } from '@nestjs/common';
import { Graph, GraphCall } from '../graph/graph-call';
import { GraphController } from '../graph/graph-controller.decorator';
import { GraphRequestService } from '../graph/graph-request.service';
import { HandoverService, ThreadControlAction } from './handover.service';

@GraphController()
export class HandoverController {
  constructor(
    private readonly graph: GraphRequestService,
    private readonly handover: HandoverService,
  ) {}

  @Post(':id/pass_thread_control')
  @HttpCode(200)
  pass(@Graph() call: GraphCall, @Param('id') id: string) {
    return this.control('pass_thread_control', call, id);
  }

  @Post(':id/take_thread_control')
  @HttpCode(200)
  take(@Graph() call: GraphCall, @Param('id') id: string) {
    return this.control('take_thread_control', call, id);
  }

  @Post(':id/request_thread_control')
  @HttpCode(200)
  request(@Graph() call: GraphCall, @Param('id') id: string) {
    return this.control('request_thread_control', call, id);
  }

  @Post(':id/release_thread_control')
  @HttpCode(200)
  release(@Graph() call: GraphCall, @Param('id') id: string) {
    return this.control('release_thread_control', call, id);
  }

  @Post(':id/extend_thread_control')
  @HttpCode(200)
  extend(@Graph() call: GraphCall, @Param('id') id: string) {
    return this.control('extend_thread_control', call, id);
  }

  @Get(':id/thread_owner')
  async owner(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'get');
    return this.handover.threadOwner(call, ctx, node);
  }

  private async control(action: ThreadControlAction, call: GraphCall, id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'post');
    return this.handover.control(action, call, ctx, node);
  }
}
