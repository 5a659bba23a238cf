import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator } from '../common/ids';
import { SandboxErrors } from '../common/sandbox-errors';
import { ConversationRepository } from '../conversations/conversation.repository';
import { TokenInvalidation } from '../graph/graph-error';
import { TokenRepository } from '../tokens/token.repository';
import { DeliveryWorker, TickResult } from '../webhooks/delivery-worker';
import { WebhookTransport } from '../webhooks/webhook-transport';
import { AppEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';
import { AppPatchDto, ChaosDto } from './dto/admin.dto';

export type AppView = Omit<AppEntity, 'createdAt' | 'failingSince'> & { failingSince: string | null };

/** Switches a test or a developer flips: app settings, chaos, sessions, tasks, token expiry. */
@Injectable()
export class SandboxAdminService {
  constructor(
    private readonly world: WorldRepository,
    private readonly tokens: TokenRepository,
    private readonly conversations: ConversationRepository,
    private readonly worker: DeliveryWorker,
    private readonly transport: WebhookTransport,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async app(id: string): Promise<AppView> {
    const app = await this.world.app(id);
    if (!app) throw SandboxErrors.notFound('app', id);
    const { createdAt: _created, failingSince, ...rest } = app;
    return { ...rest, failingSince: failingSince?.toISOString() ?? null };
  }

  async patchApp(id: string, patch: AppPatchDto): Promise<AppView> {
    await this.app(id);
    await this.world.updateApp(id, {
      ...(patch.callbackUrl !== undefined && { callbackUrl: patch.callbackUrl }),
      ...(patch.requireAppsecretProof !== undefined && { requireAppsecretProof: patch.requireAppsecretProof }),
      ...(patch.humanAgentApproved !== undefined && { humanAgentApproved: patch.humanAgentApproved }),
      ...(patch.instagramFields !== undefined && { instagramFields: patch.instagramFields }),
    });
    return this.app(id);
  }

  async chaos(id: string, chaos: ChaosDto): Promise<AppView> {
    await this.app(id);
    await this.world.updateApp(id, {
      ...(chaos.duplicateRate !== undefined && { duplicateRate: chaos.duplicateRate }),
      ...(chaos.reorder !== undefined && { reorder: chaos.reorder }),
      ...(chaos.paused !== undefined && { deliveriesPaused: chaos.paused }),
    });
    if (chaos.paused === false) this.worker.kick();
    return this.app(id);
  }

  /** Meta's verification GET to the callback URL: does it echo `hub.challenge` for the right verify token? */
  async verifyCallback(
    id: string,
  ): Promise<{ verified: boolean; status: number | null; body: string; error: string | null }> {
    const app = await this.app(id);
    if (!app.callbackUrl) throw SandboxErrors.invalid(`app ${id} has no callback URL`);
    const challenge = this.ids.numeric(10);
    const url = new URL(app.callbackUrl);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', app.verifyToken);
    const result = await this.transport.get(url.toString(), 5000);
    return {
      verified: result.status === 200 && result.body === challenge,
      status: result.status,
      body: result.body.slice(0, 500),
      error: result.error,
    };
  }

  async invalidateSessions(userId: string, reason: TokenInvalidation): Promise<{ invalidated: number }> {
    if (!(await this.world.adminUser(userId))) throw SandboxErrors.notFound('user', userId);
    return { invalidated: await this.tokens.invalidateUser(userId, reason) };
  }

  async setTasks(
    userId: string,
    pageId: string,
    tasks: string[],
  ): Promise<{ userId: string; pageId: string; tasks: string[] }> {
    if (!(await this.world.adminUser(userId))) throw SandboxErrors.notFound('user', userId);
    if (!(await this.world.page(pageId))) throw SandboxErrors.notFound('page', pageId);
    await this.world.setTasks(userId, pageId, tasks);
    return { userId, pageId, tasks };
  }

  async expireToken(token: string): Promise<{ expired: true }> {
    if (!(await this.tokens.expire(token, new Date(this.clock.now() - 1000))))
      throw SandboxErrors.notFound('token', token.slice(0, 12) + '…');
    return { expired: true };
  }

  flush(): Promise<TickResult> {
    return this.worker.tick(true);
  }

  async attachmentContent(id: string): Promise<{ mimeType: string; content: Buffer }> {
    const attachment = await this.conversations.attachmentContent(id);
    if (!attachment?.content) throw SandboxErrors.notFound('uploaded attachment', id);
    return { mimeType: attachment.mimeType ?? 'application/octet-stream', content: attachment.content };
  }
}
