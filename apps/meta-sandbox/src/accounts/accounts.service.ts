import { Injectable } from '@nestjs/common';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { FieldSelection, parseFields, projectNode } from '../graph/fields';
import { GraphNode } from '../graph/graph-node.resolver';
import { Page, paginate } from '../graph/paging';
import { TokenIssuer } from '../tokens/token-issuer.service';
import { InstagramAccountEntity, PageEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';

const PAGE_LIST_DEFAULTS = ['access_token', 'category', 'category_list', 'name', 'id', 'tasks'];

const intParam = (v: unknown): number | undefined =>
  typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'number' ? v : undefined;
const strParam = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Users, their Pages and permissions (meta-platform.md §8.1–§8.3, §8.8). */
@Injectable()
export class AccountsService {
  constructor(
    private readonly world: WorldRepository,
    private readonly auth: GraphAuthService,
    private readonly issuer: TokenIssuer,
  ) {}

  /** `GET /me/accounts`: the Pages the user granted, with Page tokens, tasks and linked Instagram account. */
  async accounts(call: GraphCall, ctx: AuthContext): Promise<Page<Record<string, unknown>>> {
    if (ctx.type !== 'USER' || !ctx.userId || !ctx.token) throw GraphErrors.unsupportedRequest('get', 'accounts');
    if (!ctx.granted.includes('pages_show_list')) return { data: [] };
    const roles = (await this.world.rolesOf(ctx.userId)).filter(
      (r) => r.tasks.length && (ctx.grantPageIds === null || ctx.grantPageIds.includes(r.pageId)),
    );
    const pages = await this.world.pagesByIds(roles.map((r) => r.pageId));
    const igs = new Map((await this.world.instagramAccountsOfPages(pages.map((p) => p.id))).map((a) => [a.pageId, a]));
    const selection =
      parseFields(strParam(call.params.fields)) ??
      Object.fromEntries(PAGE_LIST_DEFAULTS.map((f) => [f, { sub: null }]));
    const data: Array<Record<string, unknown>> = [];
    for (const page of pages) {
      const tasks = roles.find((r) => r.pageId === page.id)?.tasks ?? [];
      const token =
        'access_token' in selection ? (await this.issuer.pageTokenFor(ctx.token, page.id)).token : undefined;
      data.push(
        projectNode('Page', page.id, this.pageSource(page, igs.get(page.id), ctx, tasks, token), selection, []),
      );
    }
    return paginate(data, (d) => String(d.id), {
      limit: intParam(call.params.limit),
      after: strParam(call.params.after),
      before: strParam(call.params.before),
      url: call.url,
    });
  }

  /** `GET /{page-id}`, `GET /{ig-id}`, `GET /me` (user or Page token), `GET /{app-id}`. */
  async readNode(call: GraphCall, ctx: AuthContext, node: GraphNode): Promise<Record<string, unknown>> {
    const selection = parseFields(strParam(call.params.fields));
    switch (node.kind) {
      case 'page':
        return this.readPage(ctx, node.page, selection);
      case 'instagram':
        await this.requireSeesPage(ctx, node.page.id, node.id);
        return projectNode('IGUser', node.id, this.instagramSource(node.account), selection, ['id', 'username']);
      case 'user':
        if (ctx.userId !== node.id) throw GraphErrors.unsupportedRequest('get', node.id);
        return projectNode('User', node.id, { name: node.user.name }, selection, ['name']);
      case 'app':
        return projectNode(
          'Application',
          node.id,
          { name: node.app.name, category: 'Business', link: `https://www.facebook.com/games/?app_id=${node.app.id}` },
          selection,
          ['name', 'category', 'link'],
        );
      default:
        throw GraphErrors.unsupportedRequest('get', node.id);
    }
  }

  /** `GET /me/permissions`. */
  async permissions(ctx: AuthContext): Promise<{ data: Array<{ permission: string; status: string }> }> {
    if (ctx.type !== 'USER' || !ctx.userId) throw GraphErrors.unsupportedRequest('get', 'permissions');
    const grant = await this.world.grant(ctx.app.id, ctx.userId);
    return { data: Object.entries(grant?.permissions ?? {}).map(([permission, status]) => ({ permission, status })) };
  }

  /** `DELETE /me/permissions[/{permission}]`: revoke one permission, or remove the app altogether. */
  async revoke(ctx: AuthContext, permission: string | undefined): Promise<{ success: true }> {
    if (ctx.type !== 'USER' || !ctx.userId) throw GraphErrors.unsupportedRequest('delete', 'permissions');
    const grant = await this.world.grant(ctx.app.id, ctx.userId);
    if (!grant) throw GraphErrors.unsupportedRequest('delete', 'permissions');
    if (permission === undefined) grant.authorized = false;
    else if (grant.permissions[permission] !== undefined)
      grant.permissions = { ...grant.permissions, [permission]: 'declined' };
    await this.world.saveGrant(grant);
    return { success: true };
  }

  private async readPage(
    ctx: AuthContext,
    page: PageEntity,
    selection: FieldSelection | null,
  ): Promise<Record<string, unknown>> {
    await this.requireSeesPage(ctx, page.id, page.id);
    const role = ctx.userId ? await this.world.role(ctx.userId, page.id) : null;
    let token: string | undefined;
    if (selection && 'access_token' in selection) {
      if (ctx.type === 'PAGE') token = ctx.accessToken;
      else if (ctx.type === 'USER' && ctx.token && role?.tasks.length)
        token = (await this.issuer.pageTokenFor(ctx.token, page.id)).token;
    }
    const ig = await this.world.instagramAccountOfPage(page.id);
    return projectNode(
      'Page',
      page.id,
      this.pageSource(page, ig ?? undefined, ctx, role?.tasks ?? [], token),
      selection,
      ['name'],
    );
  }

  /** A Page is visible to its own Page token, to users with a role on it, and to app tokens. */
  private async requireSeesPage(ctx: AuthContext, pageId: string, nodeId: string): Promise<void> {
    if (ctx.type === 'APP') return;
    if (ctx.type === 'PAGE' && ctx.pageId === pageId) return;
    if (ctx.type === 'USER' && ctx.userId && (await this.world.role(ctx.userId, pageId))?.tasks.length) {
      await this.auth.requireAccess(ctx, pageId, 'read_page', 'messenger');
      return;
    }
    throw GraphErrors.unsupportedRequest('get', nodeId);
  }

  private pageSource(
    page: PageEntity,
    ig: InstagramAccountEntity | undefined,
    ctx: AuthContext,
    tasks: string[],
    token: string | undefined,
  ) {
    const igNode = (sub: FieldSelection | null) =>
      ig === undefined ? undefined : projectNode('IGUser', ig.id, this.instagramSource(ig), sub, []);
    return {
      name: page.name,
      category: page.category,
      category_list: [{ id: '2201', name: page.category }],
      access_token: token,
      tasks: ctx.type === 'APP' ? undefined : tasks,
      instagram_business_account: igNode,
      connected_instagram_account: igNode,
      messaging_feature_status:
        ctx.type === 'PAGE' ? { hop_v2: true, msgr_multi_app: true, ig_multi_app: true } : undefined,
      link: `https://www.facebook.com/${page.id}`,
    };
  }

  private instagramSource(ig: InstagramAccountEntity) {
    return {
      username: ig.username,
      name: ig.name,
      profile_picture_url: `https://scontent.cdninstagram.com/v/${ig.id}/profile.jpg`,
      followers_count: 1000,
    };
  }
}
