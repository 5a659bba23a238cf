import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { ConversationsApiService } from '../conversations/conversations-api.service';
import { AccountsService } from '../accounts/accounts.service';
import { ProfileService } from '../profiles/profile.service';
import { GraphCall } from './graph-call';
import { GraphNode, GraphNodeResolver } from './graph-node.resolver';

/** Authenticates a Graph call and resolves the node in its path; dispatches node reads by node type. */
@Injectable()
export class GraphRequestService {
  constructor(
    private readonly auth: GraphAuthService,
    private readonly nodes: GraphNodeResolver,
    private readonly accounts: AccountsService,
    private readonly profiles: ProfileService,
    private readonly conversations: ConversationsApiService,
  ) {}

  async open(
    call: GraphCall,
    id: string,
    method: 'get' | 'post' | 'delete',
  ): Promise<{ ctx: AuthContext; node: GraphNode }> {
    const ctx = await this.auth.authenticate(call, { me: id === 'me' });
    return { ctx, node: await this.nodes.resolve(id, ctx, method) };
  }

  async read(call: GraphCall, id: string): Promise<unknown> {
    const { ctx, node } = await this.open(call, id, 'get');
    switch (node.kind) {
      case 'person':
        return this.profiles.read(call, ctx, node);
      case 'conversation':
        return this.conversations.conversation(call, ctx, node.conversation);
      case 'message':
        return this.conversations.message(call, ctx, node.message, node.conversation);
      default:
        return this.accounts.readNode(call, ctx, node);
    }
  }
}
