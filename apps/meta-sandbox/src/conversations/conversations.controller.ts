import { Get, Param } from '@nestjs/common';
import { GraphErrors } from '../graph/graph-error';
import { Graph, GraphCall } from '../graph/graph-call';
import { GraphController } from '../graph/graph-controller.decorator';
import { GraphRequestService } from '../graph/graph-request.service';
import { ConversationsApiService } from './conversations-api.service';

@GraphController()
export class ConversationsController {
  constructor(
    private readonly graph: GraphRequestService,
    private readonly conversations: ConversationsApiService,
  ) {}

  @Get(':id/conversations')
  async list(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'get');
    return this.conversations.list(call, ctx, node);
  }

  @Get(':id/messages')
  async messages(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx, node } = await this.graph.open(call, id, 'get');
    if (node.kind !== 'conversation') throw GraphErrors.unsupportedRequest('get', id);
    return this.conversations.conversation(call, ctx, node.conversation, 'messages');
  }
}
