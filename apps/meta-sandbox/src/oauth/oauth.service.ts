import { Injectable } from '@nestjs/common';
import { MESSAGING_PERMISSIONS } from '../auth/access-rules';
import { AuthContext, GraphAuthService } from '../auth/graph-auth.service';
import { Clock, IdGenerator } from '../common/ids';
import { GraphError, GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { AccessTokenEntity } from '../tokens/token.entities';
import { TokenIssuer } from '../tokens/token-issuer.service';
import { TokenRepository } from '../tokens/token.repository';
import { AppEntity, AppGrantEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';

const CODE_TTL_MS = 10 * 60 * 1000;

export interface DialogRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  scope?: string;
  /** Sandbox choices standing in for what the person clicks in the dialog. */
  userId?: string;
  pageIds?: string[];
  declined?: string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

@Injectable()
export class OAuthService {
  constructor(
    private readonly world: WorldRepository,
    private readonly tokens: TokenRepository,
    private readonly issuer: TokenIssuer,
    private readonly auth: GraphAuthService,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** The login dialog, consenting at once as the chosen admin: returns where to redirect the browser. */
  async dialog(req: DialogRequest): Promise<string> {
    const redirect = new URL(req.redirectUri);
    const app = await this.world.app(req.clientId);
    if (!app) throw GraphErrors.oauthClientInvalid();
    const grants = await this.world.usersWithGrant(app.id);
    const userId = req.userId ?? grants[0]?.userId;
    if (!userId || !(await this.world.adminUser(userId))) {
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set('error_reason', 'user_denied');
      redirect.searchParams.set('error_description', 'Permissions error');
      if (req.state !== undefined) redirect.searchParams.set('state', req.state);
      return redirect.toString();
    }
    const requested = req.scope
      ? req.scope
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : MESSAGING_PERMISSIONS;
    const grant =
      grants.find((g) => g.userId === userId) ??
      Object.assign(new AppGrantEntity(), { appId: app.id, userId, permissions: {}, pageIds: null });
    for (const p of requested) grant.permissions[p] = req.declined?.includes(p) ? 'declined' : 'granted';
    if (req.pageIds) grant.pageIds = req.pageIds;
    grant.authorized = true;
    await this.world.saveGrant(grant);
    const code = this.ids.oauthCode();
    await this.tokens.insertCode({
      code,
      appId: app.id,
      userId,
      redirectUri: req.redirectUri,
      expiresAt: new Date(this.clock.now() + CODE_TTL_MS),
      usedAt: null,
    });
    redirect.searchParams.set('code', code);
    if (req.state !== undefined) redirect.searchParams.set('state', req.state);
    // Facebook appends this fragment to login redirects.
    redirect.hash = '_=_';
    return redirect.toString();
  }

  /** `GET /oauth/access_token`: code exchange, `fb_exchange_token`, or `client_credentials`. */
  async accessToken(call: GraphCall): Promise<Record<string, unknown>> {
    const p = call.params;
    const app = await this.clientApp(str(p.client_id), str(p.client_secret));
    const grantType = str(p.grant_type);
    if (grantType === 'client_credentials') return { access_token: `${app.id}|${app.secret}`, token_type: 'bearer' };
    if (grantType === 'fb_exchange_token') return this.exchange(app, str(p.fb_exchange_token));
    if (grantType !== undefined)
      throw GraphErrors.paramOneOf('grant_type', ['fb_exchange_token', 'client_credentials'], grantType);
    return this.redeemCode(app, str(p.code), str(p.redirect_uri));
  }

  private async clientApp(clientId: string | undefined, secret: string | undefined): Promise<AppEntity> {
    if (!clientId) throw GraphErrors.paramRequired('client_id');
    const app = await this.world.app(clientId);
    if (!app) throw GraphErrors.oauthClientInvalid();
    if (!secret) throw GraphErrors.paramRequired('client_secret');
    if (secret !== app.secret) throw GraphErrors.oauthClientSecretInvalid();
    return app;
  }

  private async redeemCode(
    app: AppEntity,
    code: string | undefined,
    redirectUri: string | undefined,
  ): Promise<Record<string, unknown>> {
    if (!code) throw GraphErrors.paramRequired('code');
    const stored = await this.tokens.findCode(code);
    if (!stored || stored.appId !== app.id) throw GraphErrors.oauthCodeInvalid();
    if (stored.redirectUri !== redirectUri) throw GraphErrors.oauthRedirectMismatch();
    if (stored.usedAt) throw GraphErrors.oauthCodeUsed();
    if (stored.expiresAt.getTime() <= this.clock.now()) throw GraphErrors.oauthCodeExpired();
    if (!(await this.tokens.useCode(code, new Date(this.clock.now())))) throw GraphErrors.oauthCodeUsed();
    return this.tokenAnswer(await this.issuer.issueUserToken(app.id, stored.userId, 'short'));
  }

  private async exchange(app: AppEntity, shortLived: string | undefined): Promise<Record<string, unknown>> {
    if (!shortLived) throw GraphErrors.paramRequired('fb_exchange_token');
    const ctx = await this.auth.resolve(shortLived);
    if (ctx.type !== 'USER' || ctx.app.id !== app.id || !ctx.userId) throw GraphErrors.tokenMalformed();
    return this.tokenAnswer(await this.issuer.issueUserToken(app.id, ctx.userId, 'long'));
  }

  private tokenAnswer(token: AccessTokenEntity): Record<string, unknown> {
    const expiresIn = token.expiresAt ? Math.round((token.expiresAt.getTime() - this.clock.now()) / 1000) : undefined;
    return {
      access_token: token.token,
      token_type: 'bearer',
      ...(expiresIn !== undefined && { expires_in: expiresIn }),
    };
  }

  /** `GET /debug_token` (meta-platform.md §8.2), with an app token or a user token of the same app. */
  async debugToken(call: GraphCall): Promise<{ data: Record<string, unknown> }> {
    const caller = await this.auth.authenticate(call);
    if (caller.type === 'PAGE') throw GraphErrors.appTokenRequired();
    const input = str(call.params.input_token);
    if (!input) throw GraphErrors.paramRequired('input_token');
    let ctx: AuthContext | null = null;
    let error: GraphError | null = null;
    try {
      ctx = await this.auth.resolve(input);
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      error = e;
    }
    const stored = ctx?.token ?? (await this.tokens.find(input));
    const appId = ctx?.app.id ?? stored?.appId;
    if (appId === undefined) {
      return {
        data: {
          error: { code: 190, message: error?.message ?? 'Invalid OAuth access token' },
          is_valid: false,
          scopes: [],
        },
      };
    }
    if (appId !== caller.app.id)
      throw GraphErrors.invalidParam('The App_id in the input_token did not match the Viewing App');
    return { data: await this.describe(caller.app, ctx, stored, error) };
  }

  private async describe(
    app: AppEntity,
    ctx: AuthContext | null,
    stored: AccessTokenEntity | null,
    error: GraphError | null,
  ): Promise<Record<string, unknown>> {
    const seconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : 0);
    const type = ctx?.type ?? stored?.type ?? 'APP';
    const userId = stored?.userId ?? null;
    const grant = userId ? await this.world.grant(app.id, userId) : null;
    const scopes = Object.entries(grant?.permissions ?? {}).flatMap(([p, s]) => (s === 'granted' ? [p] : []));
    const data: Record<string, unknown> = {
      app_id: app.id,
      type,
      application: app.name,
      ...(type !== 'APP' && { data_access_expires_at: seconds(stored?.dataAccessExpiresAt) }),
      ...(type !== 'APP' && { expires_at: seconds(stored?.expiresAt) }),
      is_valid: error === null,
      ...(error !== null && {
        error: {
          code: error.code,
          message: error.message,
          ...(error.subcode !== undefined && { subcode: error.subcode }),
        },
      }),
      ...(stored && { issued_at: seconds(stored.issuedAt) }),
      ...(type === 'PAGE' && { profile_id: stored?.pageId }),
      scopes: error === null ? scopes : [],
      ...(type !== 'APP' && error === null && { granular_scopes: await this.granularScopes(scopes, grant) }),
      ...(userId && { user_id: userId }),
    };
    return data;
  }

  /** Page and Instagram scopes list the assets chosen at login (every Page with a role when none was chosen). */
  private async granularScopes(
    scopes: string[],
    grant: AppGrantEntity | null,
  ): Promise<Array<Record<string, unknown>>> {
    if (!grant) return scopes.map((scope) => ({ scope }));
    const pageIds =
      grant.pageIds ?? (await this.world.rolesOf(grant.userId)).filter((r) => r.tasks.length).map((r) => r.pageId);
    const igIds = (await this.world.instagramAccountsOfPages(pageIds)).map((a) => a.id);
    return scopes.map((scope) => {
      if (scope.startsWith('pages_')) return { scope, target_ids: pageIds };
      if (scope.startsWith('instagram_')) return { scope, target_ids: igIds };
      return { scope };
    });
  }
}
