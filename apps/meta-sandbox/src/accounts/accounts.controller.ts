import { Delete, Get, Param } from '@nestjs/common';
import { Graph, GraphCall } from '../graph/graph-call';
import { GraphController } from '../graph/graph-controller.decorator';
import { GraphRequestService } from '../graph/graph-request.service';
import { AccountsService } from './accounts.service';

@GraphController()
export class AccountsController {
  constructor(
    private readonly graph: GraphRequestService,
    private readonly accounts: AccountsService,
  ) {}

  @Get(':id/accounts')
  async list(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx } = await this.graph.open(call, id, 'get');
    return this.accounts.accounts(call, ctx);
  }

  @Get(':id/permissions')
  async permissions(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx } = await this.graph.open(call, id, 'get');
    return this.accounts.permissions(ctx);
  }

  @Delete(':id/permissions')
  async deauthorize(@Graph() call: GraphCall, @Param('id') id: string) {
    const { ctx } = await this.graph.open(call, id, 'delete');
    return this.accounts.revoke(ctx, undefined);
  }

  @Delete(':id/permissions/:permission')
  async revoke(@Graph() call: GraphCall, @Param('id') id: string, @Param('permission') permission: string) {
    const { ctx } = await this.graph.open(call, id, 'delete');
    return this.accounts.revoke(ctx, permission);
  }
}
