import { Injectable } from '@nestjs/common';
import { AuthContext } from '../auth/graph-auth.service';
import { ConversationEntity, MessageEntity } from '../conversations/conversation.entities';
import { ConversationRepository } from '../conversations/conversation.repository';
import {
  AdminUserEntity,
  AppEntity,
  IdentityEntity,
  InstagramAccountEntity,
  PageEntity,
  PersonEntity,
} from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';
import { GraphErrors } from './graph-error';

export type GraphNode =
  | { kind: 'page'; id: string; page: PageEntity }
  | { kind: 'instagram'; id: string; account: InstagramAccountEntity; page: PageEntity }
  | { kind: 'user'; id: string; user: AdminUserEntity }
  | { kind: 'app'; id: string; app: AppEntity }
  | { kind: 'person'; id: string; identity: IdentityEntity; person: PersonEntity }
  | { kind: 'conversation'; id: string; conversation: ConversationEntity }
  | { kind: 'message'; id: string; message: MessageEntity; conversation: ConversationEntity };

/** Finds what a Graph id (or `me`) names. Unknown ids answer 100/33 like Graph. */
@Injectable()
export class GraphNodeResolver {
  constructor(
    private readonly world: WorldRepository,
    private readonly conversations: ConversationRepository,
  ) {}

  async resolve(id: string, ctx: AuthContext, method: 'get' | 'post' | 'delete'): Promise<GraphNode> {
    const node = await this.find(id === 'me' ? this.meOf(ctx) : id);
    if (!node) throw GraphErrors.unsupportedRequest(method, id);
    return node;
  }

  private meOf(ctx: AuthContext): string {
    if (ctx.type === 'PAGE' && ctx.pageId) return ctx.pageId;
    if (ctx.type === 'USER' && ctx.userId) return ctx.userId;
    return ctx.app.id;
  }

  private async find(id: string): Promise<GraphNode | null> {
    const page = await this.world.page(id);
    if (page) return { kind: 'page', id, page };
    const account = await this.world.instagramAccount(id);
    if (account) {
      const linked = await this.world.page(account.pageId);
      if (linked) return { kind: 'instagram', id, account, page: linked };
    }
    const identity = await this.world.identity(id);
    if (identity) {
      const person = await this.world.person(identity.personId);
      if (person) return { kind: 'person', id, identity, person };
    }
    const conversation = await this.conversations.find(id);
    if (conversation) return { kind: 'conversation', id, conversation };
    const message = await this.conversations.message(id);
    if (message) {
      const thread = await this.conversations.find(message.conversationId);
      if (thread) return { kind: 'message', id, message, conversation: thread };
    }
    const user = await this.world.adminUser(id);
    if (user) return { kind: 'user', id, user };
    const app = await this.world.app(id);
    if (app) return { kind: 'app', id, app };
    return null;
  }
}
