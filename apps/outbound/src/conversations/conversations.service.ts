import { CrmPrincipal } from '@app/auth';
import { OutboundChannel } from '@app/contracts';
import { DomainError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { AccountAccess, PageTokens } from '../accounts/page-tokens';
import { HandoverDto, HandoverView } from './dto/handover.dto';
import { GraphApi } from './graph-api';
import { ConversationMessage, readRecentMessages } from './recent-messages';

export interface ConversationRef {
  channel: OutboundChannel;
  accountId: string;
  personId: string;
}

export function parseConversationId(id: string): ConversationRef | null {
  const match = /^(messenger|instagram):([^:]+):([^:]+)$/.exec(id);
  return match ? { channel: match[1] as OutboundChannel, accountId: match[2], personId: match[3] } : null;
}

/** Reads a conversation and its person from Meta (Conversations API, user profile), for the tenant's own accounts. */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly tokens: PageTokens,
    private readonly graph: GraphApi,
  ) {}

  async messages(principal: CrmPrincipal, conversationId: string): Promise<{ data: ConversationMessage[] }> {
    const { ref, access } = await this.open(principal, conversationId);
    const messages = await readRecentMessages(this.graph, access, ref.personId);
    if (!messages) throw new DomainError('not_found', 'Meta has no conversation with this person.');
    return { data: messages };
  }

  async participant(principal: CrmPrincipal, conversationId: string): Promise<Record<string, unknown>> {
    const { ref, access } = await this.open(principal, conversationId);
    const fields = ref.channel === 'messenger' ? 'first_name,last_name,profile_pic' : 'name,username,profile_pic';
    return this.graph.get<Record<string, unknown>>(access, ref.personId, { fields });
  }

  /** `pass_thread_control` and friends: they still act within Conversation Routing (meta-platform.md §11). */
  async handover(principal: CrmPrincipal, conversationId: string, dto: HandoverDto): Promise<HandoverView> {
    const { ref, access } = await this.open(principal, conversationId);
    const body: Record<string, unknown> = { recipient: { id: ref.personId } };
    if (dto.action === 'pass') body.target_app_id = dto.targetAppId;
    if (dto.metadata !== undefined && dto.action !== 'release') body.metadata = dto.metadata;
    const answer = await this.graph.post<{ success?: boolean }>(
      access,
      `${access.pageId}/${dto.action}_thread_control`,
      body,
    );
    return { action: dto.action, success: answer.success === true };
  }

  private async open(
    principal: CrmPrincipal,
    conversationId: string,
  ): Promise<{ ref: ConversationRef; access: AccountAccess }> {
    const ref = parseConversationId(conversationId);
    if (!ref) {
      throw new DomainError('validation_failed', 'The conversation id must be <channel>:<account id>:<person id>.', {
        errors: ['id must be <channel>:<account id>:<person id>'],
      });
    }
    const access = await this.tokens.access(ref.channel, ref.accountId);
    if (!access || access.tenantId !== principal.tenantId)
      throw new DomainError('not_found', 'Conversation not found.');
    return { ref, access };
  }
}
