import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { Clock } from '../common/ids';
import { GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { GraphNode } from '../graph/graph-node.resolver';
import { jsonParam } from '../send/send-request';
import { canonicalField, PAGE_FIELDS } from '../webhooks/events';
import { WorldRepository } from '../world/world.repository';

/** `/{page-id}/subscribed_apps` (meta-platform.md §3). */
@Injectable()
export class SubscribedAppsService {
  constructor(
    private readonly world: WorldRepository,
    private readonly auth: GraphAuthService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: AuthContext, node: GraphNode): Promise<{ data: Array<Record<string, unknown>> }> {
    const pageId = await this.pageOf(ctx, node, 'get');
    const subscriptions = await this.world.subscriptions(pageId);
    const apps = new Map((await this.world.appsByIds(subscriptions.map((s) => s.appId))).map((a) => [a.id, a]));
    return {
      data: subscriptions.map((s) => ({
        category: 'Business',
        link: `https://www.facebook.com/games/?app_id=${s.appId}`,
        name: apps.get(s.appId)?.name ?? s.appId,
        id: s.appId,
        subscribed_fields: s.fields,
      })),
    };
  }

  /** Replaces the calling app's field list for the Page (send the full list every time). */
  async subscribe(call: GraphCall, ctx: AuthContext, node: GraphNode): Promise<{ success: true }> {
    const pageId = await this.pageOf(ctx, node, 'post');
    const fields = parseSubscribedFields(jsonParam(call.params, 'subscribed_fields'));
    await this.world.subscribe(ctx.app.id, pageId, fields, new Date(this.clock.now()));
    return { success: true };
  }

  async unsubscribe(ctx: AuthContext, node: GraphNode): Promise<{ success: true }> {
    const pageId = await this.pageOf(ctx, node, 'delete');
    await this.world.unsubscribe(ctx.app.id, [pageId]);
    return { success: true };
  }

  private async pageOf(ctx: AuthContext, node: GraphNode, method: 'get' | 'post' | 'delete'): Promise<string> {
    if (node.kind !== 'page') throw GraphErrors.unsupportedRequest(method, node.id);
    await this.auth.requirePage(ctx, node.page.id, node.id, method, 'subscribe', 'messenger');
    return node.page.id;
  }
}

/** `subscribed_fields` as a comma list or JSON array; each must be a Page webhook field (both spellings accepted). */
export function parseSubscribedFields(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(',') : [];
  const fields = list.map((f) => f.trim()).filter((f) => f !== '');
  if (fields.length === 0) throw GraphErrors.paramRequired('subscribed_fields');
  fields.forEach((field, i) => {
    if (!(PAGE_FIELDS as readonly string[]).includes(canonicalField(field))) {
      throw GraphErrors.paramOneOf(`subscribed_fields[${i}]`, PAGE_FIELDS, field);
    }
  });
  return [...new Set(fields)];
}
