import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { Clock } from '../common/ids';
import { Channel, GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { FieldSelection, parseFields, projectNode, settleNode } from '../graph/fields';
import { GraphNode } from '../graph/graph-node.resolver';
import { Page, paginate } from '../graph/paging';
import { graphTime } from '../graph/graph-time';
import { RateLimitService } from '../limits/rate-limit.service';
import { STANDARD_WINDOW_MS } from '../send/messaging-window';
import { InstagramAccountEntity, PageEntity, PersonEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';
import { ConversationEntity, MessageEntity } from './conversation.entities';
import { ConversationRepository } from './conversation.repository';
import { ThreadService } from './thread.service';

/** Only this many of a conversation's newest messages can be read in detail (meta-platform.md §9). */
export const READABLE_MESSAGES = 20;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

interface Scope {
  channel: Channel;
  page: PageEntity;
  ig: InstagramAccountEntity | null;
}

/** The Conversations API: threads, their messages, single messages, with cursor paging. */
@Injectable()
export class ConversationsApiService {
  constructor(
    private readonly auth: GraphAuthService,
    private readonly world: WorldRepository,
    private readonly conversations: ConversationRepository,
    private readonly threads: ThreadService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
  ) {}

  /** `GET /{page-id}/conversations?platform=messenger|instagram[&user_id=…]`. */
  async list(call: GraphCall, ctx: AuthContext, node: GraphNode): Promise<Page<Record<string, unknown>>> {
    if (node.kind !== 'page' && node.kind !== 'instagram') throw GraphErrors.unsupportedRequest('get', node.id);
    const platform = str(call.params.platform) ?? (node.kind === 'instagram' ? 'instagram' : 'messenger');
    if (platform !== 'messenger' && platform !== 'instagram')
      throw GraphErrors.paramOneOf('platform', ['messenger', 'instagram'], platform);
    const ig = await this.world.instagramAccountOfPage(node.page.id);
    if (platform === 'instagram' && !ig)
      throw GraphErrors.invalidParam('This Page has no linked Instagram professional account');
    const scope: Scope = { channel: platform, page: node.page, ig };
    const accountId = platform === 'instagram' && ig ? ig.id : node.page.id;
    await this.gate(call, ctx, scope, accountId, node.id);
    const threads = await this.conversations.listForAccount(accountId, str(call.params.user_id));
    const selection = parseFields(str(call.params.fields));
    const data = await Promise.all(threads.map((t) => this.conversationNode(call, ctx, scope, t, selection)));
    return paginate(data, (d) => String(d.id), {
      limit: int(call.params.limit),
      after: str(call.params.after),
      before: str(call.params.before),
      url: call.url,
    });
  }

  /** `GET /{conversation-id}` and `GET /{conversation-id}/messages`. */
  async conversation(
    call: GraphCall,
    ctx: AuthContext,
    conversation: ConversationEntity,
    edge?: 'messages',
  ): Promise<unknown> {
    const scope = await this.scopeOf(conversation);
    await this.gate(call, ctx, scope, conversation.accountId, conversation.id);
    if (edge === 'messages') {
      const selection = parseFields(str(call.params.fields));
      return this.messagesEdge(call, scope, conversation, selection, int(call.params.limit));
    }
    return this.conversationNode(call, ctx, scope, conversation, parseFields(str(call.params.fields)));
  }

  /** `GET /{message-id}`: only the 20 newest messages of the thread are readable. */
  async message(
    call: GraphCall,
    ctx: AuthContext,
    message: MessageEntity,
    conversation: ConversationEntity,
  ): Promise<Record<string, unknown>> {
    const scope = await this.scopeOf(conversation);
    await this.gate(call, ctx, scope, conversation.accountId, message.mid);
    const newest = await this.conversations.messages(conversation.id);
    const index = newest.findIndex((m) => m.mid === message.mid);
    if (index < 0 || index >= READABLE_MESSAGES || message.deleted) throw GraphErrors.messageTooOld();
    const person = await this.personOf(conversation);
    return this.messageNode(scope, conversation, person, message, parseFields(str(call.params.fields)), [
      'id',
      'created_time',
    ]);
  }

  private async gate(
    call: GraphCall,
    ctx: AuthContext,
    scope: Scope,
    accountId: string,
    nodeId: string,
  ): Promise<void> {
    await this.auth.requirePage(ctx, scope.page.id, nodeId, 'get', 'conversations', scope.channel);
    await this.auth.countBusinessUseCase(call, scope.channel, accountId);
    this.limits.consumeConversations(scope.channel, accountId);
  }

  private async scopeOf(conversation: ConversationEntity): Promise<Scope> {
    const ig = conversation.channel === 'instagram' ? await this.world.instagramAccount(conversation.accountId) : null;
    const page = await this.world.page(ig ? ig.pageId : conversation.accountId);
    if (!page) throw GraphErrors.unsupportedRequest('get', conversation.id);
    return { channel: conversation.channel, page, ig: ig ?? (await this.world.instagramAccountOfPage(page.id)) };
  }

  private async personOf(conversation: ConversationEntity): Promise<PersonEntity | null> {
    const identity = await this.world.identity(conversation.scopedId);
    return identity ? this.world.person(identity.personId) : null;
  }

  private async conversationNode(
    call: GraphCall,
    ctx: AuthContext,
    scope: Scope,
    c: ConversationEntity,
    selection: FieldSelection | null,
  ): Promise<Record<string, unknown>> {
    const person = await this.personOf(c);
    const lastAction = c.lastUserActionAt?.getTime();
    const node = projectNode(
      'Conversation',
      c.id,
      {
        updated_time: graphTime(c.updatedAt),
        message_count: await this.conversations.countMessages(c.id),
        unread_count: c.unreadCount,
        participants: { data: [this.personParty(scope, c, person), this.businessParty(scope)] },
        is_owner: this.threads.owner(c, scope.page) === ctx.app.id,
        can_reply: lastAction !== undefined && this.clock.now() - lastAction <= STANDARD_WINDOW_MS,
        link: `/${scope.page.id}/inbox/${c.id}`,
        messages: (sub: FieldSelection | null, limit: number | undefined) =>
          this.messagesEdge(call, scope, c, sub, limit),
      },
      selection,
      ['id', 'updated_time'],
    );
    return settleNode(node);
  }

  private async messagesEdge(
    call: GraphCall,
    scope: Scope,
    c: ConversationEntity,
    sub: FieldSelection | null,
    limit: number | undefined,
  ): Promise<Page<Record<string, unknown>>> {
    const person = await this.personOf(c);
    const messages = (await this.conversations.messages(c.id)).filter((m) => !m.deleted);
    const data = messages.map((m) => this.messageNode(scope, c, person, m, sub, ['id', 'created_time']));
    return paginate(data, (d) => String(d.id), {
      limit: limit ?? int(call.params.limit),
      after: str(call.params.after),
      before: str(call.params.before),
    });
  }

  private messageNode(
    scope: Scope,
    c: ConversationEntity,
    person: PersonEntity | null,
    m: MessageEntity,
    selection: FieldSelection | null,
    defaults: string[],
  ): Record<string, unknown> {
    const personParty = this.personParty(scope, c, person);
    const business = this.businessParty(scope);
    const [from, to] = m.direction === 'inbound' ? [personParty, business] : [business, personParty];
    return projectNode(
      'Message',
      m.mid,
      {
        created_time: graphTime(m.createdAt),
        from,
        to: { data: [to] },
        message: m.text ?? '',
        attachments: m.attachments?.length
          ? { data: m.attachments.map((a, i) => describeAttachment(m.mid, i, a)) }
          : undefined,
        reply_to: m.replyTo ? { mid: m.replyTo, is_self_reply: false } : undefined,
        is_unsupported: false,
        sticker: undefined,
        story: undefined,
        shares: undefined,
        tags: undefined,
      },
      selection,
      defaults,
    );
  }

  private personParty(scope: Scope, c: ConversationEntity, person: PersonEntity | null): Record<string, unknown> {
    return scope.channel === 'instagram'
      ? { username: person?.username ?? '', id: c.scopedId }
      : { name: person?.name ?? '', email: `${c.scopedId}@facebook.com`, id: c.scopedId };
  }

  private businessParty(scope: Scope): Record<string, unknown> {
    return scope.channel === 'instagram' && scope.ig
      ? { username: scope.ig.username, id: scope.ig.id }
      : { name: scope.page.name, email: `${scope.page.id}@facebook.com`, id: scope.page.id };
  }
}

function describeAttachment(mid: string, index: number, raw: object): Record<string, unknown> {
  const a = raw as { type?: string; payload?: { url?: string } | null };
  const url = a.payload?.url;
  const base = { id: `${mid}_${index}`, mime_type: mimeOf(a.type), name: `${a.type ?? 'file'}-${index}` };
  if (a.type === 'image') return { ...base, image_data: { url, preview_url: url, width: 640, height: 640 } };
  if (a.type === 'video') return { ...base, video_data: { url, preview_url: url, width: 640, height: 360 } };
  return { ...base, file_url: url };
}

function mimeOf(type: string | undefined): string {
  switch (type) {
    case 'image':
      return 'image/jpeg';
    case 'video':
      return 'video/mp4';
    case 'audio':
      return 'audio/mpeg';
    default:
      return 'application/octet-stream';
  }
}
