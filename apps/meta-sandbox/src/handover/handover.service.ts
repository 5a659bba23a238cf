import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { Clock } from '../common/ids';
import { ConversationEntity } from '../conversations/conversation.entities';
import { ConversationRepository } from '../conversations/conversation.repository';
import { ThreadService } from '../conversations/thread.service';
import { GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { GraphNode } from '../graph/graph-node.resolver';
import { jsonParam } from '../send/send-request';
import { handoverEvent, HandoverBody } from '../webhooks/events';
import { WebhookEmitter } from '../webhooks/webhook-emitter.service';
import { PageEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';

/** The Page Inbox (Meta Business Suite) app, a valid target for passing control to humans. */
export const PAGE_INBOX_APP_ID = '263902037430900';
const OWNERSHIP_MS = 24 * 60 * 60 * 1000;
const MAX_EXTENSION_S = 7 * 24 * 60 * 60;

export type ThreadControlAction =
  | 'pass_thread_control'
  | 'take_thread_control'
  | 'request_thread_control'
  | 'release_thread_control'
  | 'extend_thread_control';

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/** Handover / Conversation Routing endpoints (meta-platform.md §11). */
@Injectable()
export class HandoverService {
  constructor(
    private readonly auth: GraphAuthService,
    private readonly world: WorldRepository,
    private readonly conversations: ConversationRepository,
    private readonly threads: ThreadService,
    private readonly emitter: WebhookEmitter,
    private readonly clock: Clock,
  ) {}

  async control(
    action: ThreadControlAction,
    call: GraphCall,
    ctx: AuthContext,
    node: GraphNode,
  ): Promise<{ success: true }> {
    const { page, conversation } = await this.threadOf(call, ctx, node);
    const metadata = str(call.params.metadata);
    switch (action) {
      case 'pass_thread_control':
        await this.pass(ctx, page, conversation, str(call.params.target_app_id), metadata);
        break;
      case 'take_thread_control':
        await this.take(ctx, page, conversation, metadata);
        break;
      case 'request_thread_control':
        await this.request(ctx, page, conversation, metadata);
        break;
      case 'release_thread_control':
        await this.release(ctx, page, conversation);
        break;
      case 'extend_thread_control':
        await this.extend(ctx, page, conversation, Number(call.params.duration ?? MAX_EXTENSION_S));
        break;
    }
    return { success: true };
  }

  /** `GET /{page-id}/thread_owner?recipient=<id>`. */
  async threadOwner(
    call: GraphCall,
    ctx: AuthContext,
    node: GraphNode,
  ): Promise<{ data: Array<Record<string, unknown>> }> {
    const { page, conversation } = await this.threadOf(call, ctx, node, 'get');
    const owner = this.threads.owner(conversation, page);
    if (owner === null) return { data: [] };
    const expiration = conversation.ownerAppId === owner ? conversation.ownerExpiresAt?.toISOString() : undefined;
    return { data: [{ thread_owner: { app_id: owner, ...(expiration && { expiration }) } }] };
  }

  /** `thread_control` in a Send API call: pass or release after sending. */
  async viaSend(
    ctx: AuthContext,
    page: PageEntity,
    conversation: ConversationEntity,
    control: { control_type: 'pass' | 'release'; app_id?: string },
  ): Promise<void> {
    const fresh = (await this.conversations.find(conversation.id)) ?? conversation;
    if (control.control_type === 'pass') await this.pass(ctx, page, fresh, control.app_id, undefined);
    else await this.release(ctx, page, fresh);
  }

  private async threadOf(call: GraphCall, ctx: AuthContext, node: GraphNode, method: 'get' | 'post' = 'post') {
    if (node.kind !== 'page' && node.kind !== 'instagram') throw GraphErrors.unsupportedRequest(method, node.id);
    const page = node.page;
    const raw = method === 'get' ? call.params.recipient : jsonParam(call.params, 'recipient');
    const recipientId = typeof raw === 'object' && raw !== null ? str((raw as Record<string, unknown>).id) : str(raw);
    if (!recipientId) throw GraphErrors.paramRequired('recipient');
    const identity = await this.world.identity(recipientId);
    const ig = await this.world.instagramAccountOfPage(page.id);
    const belongs = identity && (identity.accountId === page.id || identity.accountId === ig?.id);
    const channel = identity?.channel ?? 'messenger';
    await this.auth.requirePage(ctx, page.id, node.id, method, 'handover', channel);
    if (!identity || !belongs) throw GraphErrors.noMatchingUser(channel);
    const conversation = await this.threads.open(identity.channel, identity.accountId, identity.scopedId);
    return { page, conversation };
  }

  private async pass(
    ctx: AuthContext,
    page: PageEntity,
    conversation: ConversationEntity,
    targetAppId: string | undefined,
    metadata: string | undefined,
  ): Promise<void> {
    if (!targetAppId) throw GraphErrors.paramRequired('target_app_id');
    const owner = this.threads.owner(conversation, page);
    if (owner !== null && owner !== ctx.app.id)
      throw GraphErrors.threadControlDenied('Only the thread owner can pass thread control');
    const subscribed = (await this.world.subscriptions(page.id)).some((s) => s.appId === targetAppId);
    if (targetAppId !== PAGE_INBOX_APP_ID && !subscribed)
      throw GraphErrors.invalidParam('param target_app_id must be an app subscribed to this Page');
    await this.setOwner(conversation, targetAppId);
    await this.notify(targetAppId, page, conversation, {
      kind: 'pass_thread_control',
      previousOwnerAppId: owner,
      newOwnerAppId: targetAppId,
      metadata,
    });
  }

  /** Without a default app ("Default Behavior") taking control is blocked; only the default app may take it. */
  private async take(
    ctx: AuthContext,
    page: PageEntity,
    conversation: ConversationEntity,
    metadata: string | undefined,
  ): Promise<void> {
    if (page.defaultAppId === null)
      throw GraphErrors.threadControlDenied(
        'take_thread_control is not available: this Page has no default app for Conversation Routing',
      );
    if (page.defaultAppId !== ctx.app.id)
      throw GraphErrors.threadControlDenied('Only the default app of this Page can take thread control');
    const previous = this.threads.owner(conversation, page);
    await this.setOwner(conversation, ctx.app.id);
    if (previous !== null && previous !== ctx.app.id) {
      await this.notify(previous, page, conversation, {
        kind: 'take_thread_control',
        previousOwnerAppId: previous,
        newOwnerAppId: ctx.app.id,
        metadata,
      });
    }
  }

  private async request(
    ctx: AuthContext,
    page: PageEntity,
    conversation: ConversationEntity,
    metadata: string | undefined,
  ): Promise<void> {
    const owner = this.threads.owner(conversation, page);
    if (owner === null)
      throw GraphErrors.threadControlDenied('The thread has no owner; use pass_thread_control or send a message');
    if (owner === ctx.app.id) throw GraphErrors.threadControlDenied('The app already owns the thread');
    await this.notify(owner, page, conversation, {
      kind: 'request_thread_control',
      requestedOwnerAppId: ctx.app.id,
      metadata,
    });
  }

  private async release(ctx: AuthContext, page: PageEntity, conversation: ConversationEntity): Promise<void> {
    if (this.threads.owner(conversation, page) !== ctx.app.id)
      throw GraphErrors.threadControlDenied('Only the thread owner can release thread control');
    await this.conversations.update(conversation.id, { ownerAppId: null, ownerExpiresAt: null });
  }

  private async extend(
    ctx: AuthContext,
    page: PageEntity,
    conversation: ConversationEntity,
    durationS: number,
  ): Promise<void> {
    if (!Number.isFinite(durationS) || durationS <= 0 || durationS > MAX_EXTENSION_S)
      throw GraphErrors.invalidParam(`param duration must be between 1 and ${MAX_EXTENSION_S}`);
    if (this.threads.owner(conversation, page) !== ctx.app.id)
      throw GraphErrors.threadControlDenied('Only the thread owner can extend thread control');
    await this.conversations.update(conversation.id, {
      ownerAppId: ctx.app.id,
      ownerExpiresAt: new Date(this.clock.now() + durationS * 1000),
    });
  }

  private async setOwner(conversation: ConversationEntity, appId: string): Promise<void> {
    await this.conversations.update(conversation.id, {
      ownerAppId: appId,
      ownerExpiresAt: new Date(this.clock.now() + OWNERSHIP_MS),
    });
  }

  private async notify(
    appId: string,
    page: PageEntity,
    conversation: ConversationEntity,
    body: HandoverBody,
  ): Promise<void> {
    const now = this.clock.now();
    const party = { channel: conversation.channel, accountId: conversation.accountId, scopedId: conversation.scopedId };
    const target = {
      channel: conversation.channel,
      accountId: conversation.accountId,
      pageId: page.id,
      ownerAppId: null,
    };
    await this.emitter.emitTo(appId, target, handoverEvent(party, now, body), new Date(now));
  }
}
