import { Injectable } from '@nestjs/common';
import { Clock } from '../common/ids';
import { Channel, GraphErrors } from '../graph/graph-error';
import { GraphCall } from '../graph/graph-call';
import { RateLimitService } from '../limits/rate-limit.service';
import { AccessTokenEntity } from '../tokens/token.entities';
import { TokenRepository } from '../tokens/token.repository';
import { AppEntity } from '../world/world.entities';
import { WorldRepository } from '../world/world.repository';
import { accessError, appSecretProofError, Operation, requirementsFor, TokenType, tokenError } from './access-rules';

/** Who is calling: the token, its app, and what it may do. */
export interface AuthContext {
  accessToken: string;
  type: TokenType;
  app: AppEntity;
  token: AccessTokenEntity | null;
  userId: string | null;
  pageId: string | null;
  /** Permissions with status `granted` for (app, user). */
  granted: string[];
  /** Pages chosen at login; null for all. */
  grantPageIds: string[] | null;
}

const APP_TOKEN = /^(\d+)\|(.+)$/;

@Injectable()
export class GraphAuthService {
  constructor(
    private readonly tokens: TokenRepository,
    private readonly world: WorldRepository,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
  ) {}

  /**
   * Resolves and checks the access token as Graph does: present (104, or 2500 for `/me`), parseable and
   * valid (190 + subcode), `appsecret_proof` (100), then the app-level rate limit (4).
   */
  async authenticate(call: GraphCall, options: { me?: boolean } = {}): Promise<AuthContext> {
    const accessToken = call.accessToken;
    if (!accessToken) throw options.me ? GraphErrors.activeTokenRequired() : GraphErrors.tokenRequired();
    const ctx = await this.resolve(accessToken);
    if (ctx.type !== 'APP') {
      const proofError = appSecretProofError(
        ctx.app.requireAppsecretProof,
        accessToken,
        ctx.app.secret,
        call.appsecretProof,
      );
      if (proofError) throw proofError;
    }
    call.responseHeaders['X-App-Usage'] = this.limits.consumeApp(ctx.app.id).header;
    return ctx;
  }

  /** Resolves a token without the per-call checks (for `debug_token`'s input). Throws 190 when unusable. */
  async resolve(accessToken: string): Promise<AuthContext> {
    const appToken = APP_TOKEN.exec(accessToken);
    if (appToken) {
      const app = await this.world.app(appToken[1]);
      if (!app || app.secret !== appToken[2]) throw GraphErrors.tokenMalformed();
      return {
        accessToken,
        type: 'APP',
        app,
        token: null,
        userId: null,
        pageId: null,
        granted: [],
        grantPageIds: null,
      };
    }
    const token = await this.tokens.find(accessToken);
    if (!token) throw GraphErrors.tokenMalformed();
    const app = await this.world.app(token.appId);
    if (!app) throw GraphErrors.tokenMalformed();
    const grant = token.userId ? await this.world.grant(app.id, token.userId) : null;
    const role = token.userId && token.pageId ? await this.world.role(token.userId, token.pageId) : null;
    const error = tokenError(
      {
        type: token.type,
        expiresAt: token.expiresAt?.getTime() ?? null,
        invalidated: token.invalidated,
        appAuthorized: grant?.authorized ?? false,
        userHasPageRole: (role?.tasks.length ?? 0) > 0,
      },
      this.clock.now(),
    );
    if (error) throw error;
    return {
      accessToken,
      type: token.type,
      app,
      token,
      userId: token.userId,
      pageId: token.pageId,
      granted: Object.entries(grant?.permissions ?? {}).flatMap(([p, status]) => (status === 'granted' ? [p] : [])),
      grantPageIds: grant?.pageIds ?? null,
    };
  }

  /**
   * Checks that the caller may act on a Page with a Page token of that Page: a user token is refused (210),
   * a Page token of another Page looks like a missing object (100/33); then permissions (200) and tasks (10).
   */
  async requirePage(
    ctx: AuthContext,
    pageId: string,
    nodeId: string,
    method: 'get' | 'post' | 'delete',
    operation: Operation,
    channel: Channel,
  ): Promise<void> {
    if (ctx.type !== 'PAGE')
      throw ctx.type === 'USER' ? GraphErrors.pageTokenRequired() : GraphErrors.unsupportedRequest(method, nodeId);
    if (ctx.pageId !== pageId) throw GraphErrors.unsupportedRequest(method, nodeId);
    await this.requireAccess(ctx, pageId, operation, channel);
  }

  /** Permissions and tasks of the token's user on a Page. */
  async requireAccess(ctx: AuthContext, pageId: string, operation: Operation, channel: Channel): Promise<void> {
    const role = ctx.userId ? await this.world.role(ctx.userId, pageId) : null;
    const error = accessError(requirementsFor(operation, channel), ctx.granted, role?.tasks ?? []);
    if (error) throw error;
  }

  /** Counts a messaging call against the account's Business Use Case limit and sets its usage header. */
  async countBusinessUseCase(call: GraphCall, channel: Channel, accountId: string): Promise<void> {
    const engaged = await this.world.countIdentities(accountId);
    call.responseHeaders['X-Business-Use-Case-Usage'] = this.limits.consumeBusinessUseCase(
      channel,
      accountId,
      engaged,
    ).header;
  }
}
