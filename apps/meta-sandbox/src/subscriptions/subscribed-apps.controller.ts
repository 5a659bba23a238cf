import { Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Graph, GraphCall } from '../graph/graph-call';
import { GraphController } from '../graph/graph-controller.decorator';
import { GraphRequestService } from '../graph/graph-request.service';
import { SubscribedAppsService } from './subscribed-apps.service';

@GraphController()
export class SubscribedAppsController {
  constructor(
    private readonly graph: GraphRequestService,
    private readonly subscriptions: SubscribedAppsService,
  ) {}

  @Get(':id/subscribed_apps')
  async list(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'get');
    return this.subscriptions.list(ctx, node);
  }

  @Post(':id/subscribed_apps')
  @HttpCode(200)
  async subscribe(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'post');
    return this.subscriptions.subscribe(call, ctx, node);
  }

  @Delete(':id/subscribed_apps')
  async unsubscribe(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'delete');
    return this.subscriptions.unsubscribe(ctx, node);
  }
}
