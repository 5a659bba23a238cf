import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '../common/ids';
import { Channel } from '../graph/graph-error';
import { EmitTarget } from '../webhooks/webhook-emitter.service';
import { PageEntity } from '../world/world.entities';
import { ConversationEntity } from './conversation.entities';
import { ConversationRepository } from './conversation.repository';

/** Threads between an account and a person, and who owns them under Conversation Routing (§11). */
@Injectable()
export class ThreadService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  open(channel: Channel, accountId: string, scopedId: string): Promise<ConversationEntity> {
    return this.conversations.findOrCreate(
      Object.assign(new ConversationEntity(), {
        id: this.ids.conversationId(channel, accountId),
        channel,
        accountId,
        scopedId,
        updatedAt: new Date(this.clock.now()),
        lastUserActionAt: null,
        ownerAppId: null,
        ownerExpiresAt: null,
        unreadCount: 0,
      }),
    );
  }

  /** The owning app: an unexpired explicit owner, else the Page's default app, else nobody. */
  owner(conversation: ConversationEntity, page: PageEntity): string | null {
    const explicit =
      conversation.ownerAppId !== null &&
      (conversation.ownerExpiresAt === null || conversation.ownerExpiresAt.getTime() > this.clock.now());
    return explicit ? conversation.ownerAppId : page.defaultAppId;
  }

  target(conversation: ConversationEntity, page: PageEntity): EmitTarget {
    return {
      channel: conversation.channel,
      accountId: conversation.accountId,
      pageId: page.id,
      ownerAppId: this.owner(conversation, page),
    };
  }
}
