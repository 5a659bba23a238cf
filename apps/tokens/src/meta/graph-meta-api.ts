import { MetaGraphClient } from '@app/meta';
import { PermissionState, TokenDebugInfo } from '../diagnostics/diagnostics-rules';
import { GrantedPage, IssuedToken, MetaApi } from './meta-api';

/** What the dialog asks for when no Facebook Login for Business configuration is set. */
export const LOGIN_SCOPES = [
  'pages_show_list',
  'pages_manage_metadata',
  'pages_messaging',
  'pages_read_engagement',
  'business_management',
  'instagram_basic',
  'instagram_manage_messages',
];

interface TokenBody {
  access_token: string;
  expires_in?: number;
}

interface AccountsBody {
  data: Array<{
    id: string;
    name?: string;
    access_token?: string;
    tasks?: string[];
    instagram_business_account?: { id: string; username?: string };
  }>;
  paging?: { cursors?: { after?: string }; next?: string };
}

interface DebugBody {
  data: {
    is_valid?: boolean;
    type?: string;
    expires_at?: number;
    data_access_expires_at?: number;
    scopes?: string[];
    granular_scopes?: Array<{ scope: string; target_ids?: string[] }>;
    error?: { code: number; subcode?: number; message: string };
    user_id?: string;
  };
}

const MAX_PAGES_OF_ACCOUNTS = 20;

export interface GraphMetaApiOptions {
  dialogUrl: string;
  version: string;
  loginConfigId?: string;
}

export class GraphMetaApi extends MetaApi {
  constructor(
    private readonly graph: MetaGraphClient,
    private readonly options: GraphMetaApiOptions,
  ) {
    super();
  }

  dialogUrl(redirectUri: string, state: string): string {
    const url = new URL(`${this.options.dialogUrl.replace(/\/+$/, '')}/${this.options.version}/dialog/oauth`);
    url.searchParams.set('client_id', this.graph.appId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('state', state);
    url.searchParams.set('response_type', 'code');
    if (this.options.loginConfigId) url.searchParams.set('config_id', this.options.loginConfigId);
    else url.searchParams.set('scope', LOGIN_SCOPES.join(','));
    return url.toString();
  }

  async exchangeCode(code: string, redirectUri: string): Promise<IssuedToken> {
    const [appId, appSecret] = this.appCredentials();
    const { data } = await this.graph.get<TokenBody>('oauth/access_token', {
      params: { client_id: appId, client_secret: appSecret, redirect_uri: redirectUri, code },
    });
    return { accessToken: data.access_token, expiresIn: data.expires_in };
  }

  async exchangeForLongLived(userToken: string): Promise<IssuedToken> {
    const [appId, appSecret] = this.appCredentials();
    const { data } = await this.graph.get<TokenBody>('oauth/access_token', {
      params: {
        grant_type: 'fb_exchange_token',
        client_id: appId,
        client_secret: appSecret,
        fb_exchange_token: userToken,
      },
    });
    return { accessToken: data.access_token, expiresIn: data.expires_in };
  }

  async grantedPages(userToken: string): Promise<GrantedPage[]> {
    const pages: GrantedPage[] = [];
    let after: string | undefined;
    for (let i = 0; i < MAX_PAGES_OF_ACCOUNTS; i++) {
      const { data } = await this.graph.get<AccountsBody>('me/accounts', {
        token: userToken,
        params: { fields: 'id,name,access_token,tasks,instagram_business_account{id,username}', limit: 100, after },
      });
      for (const p of data.data) {
        if (!p.access_token) continue;
        const ig = p.instagram_business_account;
        pages.push({
          id: p.id,
          name: p.name ?? p.id,
          accessToken: p.access_token,
          tasks: p.tasks ?? [],
          instagram: ig ? { id: ig.id, username: ig.username ?? null } : null,
        });
      }
      after = data.paging?.next ? data.paging.cursors?.after : undefined;
      if (!after) break;
    }
    return pages;
  }

  async debugToken(token: string): Promise<TokenDebugInfo> {
    const { data } = await this.graph.get<DebugBody>('debug_token', {
      token: this.graph.appToken,
      params: { input_token: token },
    });
    const d = data.data;
    return {
      isValid: d.is_valid === true,
      type: d.type,
      expiresAt: d.expires_at,
      dataAccessExpiresAt: d.data_access_expires_at,
      scopes: d.scopes ?? [],
      granularScopes: d.granular_scopes?.map((g) => ({ scope: g.scope, targetIds: g.target_ids })),
      error: d.error,
      userId: d.user_id,
    };
  }

  async permissions(userToken: string): Promise<Array<{ permission: string; status: PermissionState }>> {
    const { data } = await this.graph.get<{ data: Array<{ permission: string; status: PermissionState }> }>(
      'me/permissions',
      { token: userToken },
    );
    return data.data.map((p) => ({ permission: p.permission, status: p.status }));
  }

  async subscribedFields(pageId: string, pageToken: string): Promise<string[] | null> {
    const { data } = await this.graph.get<{ data: Array<{ id: string; subscribed_fields?: string[] }> }>(
      `${pageId}/subscribed_apps`,
      { token: pageToken },
    );
    const ours = data.data.find((a) => a.id === this.graph.appId);
    return ours ? (ours.subscribed_fields ?? []) : null;
  }

  async subscribe(pageId: string, pageToken: string, fields: readonly string[]): Promise<void> {
    await this.graph.post(`${pageId}/subscribed_apps`, {
      token: pageToken,
      params: { subscribed_fields: fields.join(',') },
    });
  }

  async unsubscribe(pageId: string, pageToken: string): Promise<void> {
    await this.graph.delete(`${pageId}/subscribed_apps`, { token: pageToken });
  }

  private appCredentials(): [string, string] {
    const token = this.graph.appToken;
    const sep = token.indexOf('|');
    return [token.slice(0, sep), token.slice(sep + 1)];
  }
}
