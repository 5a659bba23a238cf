import { OutboundChannel } from '@app/contracts';
import { DomainError } from '@app/errors';

/** What sending from a Page or Instagram account needs. */
export interface AccountAccess {
  channel: OutboundChannel;
  accountId: string;
  /** The tenant the account is connected for; a CRM of another tenant may not use it. */
  tenantId: string | null;
  /** The Facebook Page (itself, or the Page the Instagram account is linked to). */
  pageId: string;
  /** The Page access token; never logged, never stored here. */
  accessToken: string;
}

/** The tokens app's knowledge of connected accounts. */
export abstract class PageTokens {
  /** Null when the account is not connected (or its connection is broken). */
  abstract access(channel: OutboundChannel, accountId: string): Promise<AccountAccess | null>;
  /** Forgets what it knows of an account, e.g. after Meta said its token is invalid. */
  abstract forget(channel: OutboundChannel, accountId: string): void;

  /** The account's access when the tenant has it connected; otherwise a 404 that does not tell whose it is. */
  async accessFor(tenantId: string, channel: OutboundChannel, accountId: string): Promise<AccountAccess> {
    const access = await this.access(channel, accountId);
    if (!access || access.tenantId !== tenantId) {
      throw new DomainError('not_found', `The ${channel} account ${accountId} is not connected for this tenant.`);
    }
    return access;
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Asks tokens over its internal route, and keeps answers for a minute: every send needs one. */
export class HttpPageTokens extends PageTokens {
  private readonly cache = new Map<string, { access: AccountAccess; until: number }>();

  constructor(
    private readonly baseUrl: string,
    private readonly internalToken: string,
    private readonly ttlMs = 60_000,
  ) {
    super();
  }

  async access(channel: OutboundChannel, accountId: string): Promise<AccountAccess | null> {
    const key = `${channel}:${accountId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.access;
    const url = `${this.baseUrl.replace(/\/+$/, '')}/internal/v1/accounts/${encodeURIComponent(accountId)}/token`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${this.internalToken}` },
        signal: AbortSignal.timeout(3000),
      });
    } catch {
      throw new DomainError('unavailable', 'The Page token could not be read from tokens.');
    }
    // 404: never connected; 409: the connection is broken until an admin onboards again.
    if (response.status === 404 || response.status === 409) return null;
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    const accessToken = str(body?.accessToken);
    if (!response.ok || !body || !accessToken)
      throw new DomainError('upstream_failed', `Tokens answered HTTP ${response.status}.`);
    const pageId = str(body.pageId) ?? accountId;
    // The same id space serves both channels: the account must be the Page itself or its linked Instagram account.
    if ((channel === 'messenger' ? pageId : str(body.instagramId)) !== accountId) return null;
    const access: AccountAccess = {
      channel,
      accountId,
      tenantId: str(body.tenantId),
      pageId,
      accessToken,
    };
    this.cache.set(key, { access, until: Date.now() + this.ttlMs });
    return access;
  }

  forget(channel: OutboundChannel, accountId: string): void {
    this.cache.delete(`${channel}:${accountId}`);
  }
}
