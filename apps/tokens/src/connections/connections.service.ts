import { Injectable, Logger } from '@nestjs/common';
import { ConnectionChange } from '@app/contracts';
import { DomainError } from '@app/errors';
import { MetaGraphError } from '@app/meta';
import { Clock } from '../common/clock';
import { TokenVault } from '../crypto/token-vault';
import { PAGE_SUBSCRIBED_FIELDS } from '../diagnostics/diagnostics-rules';
import { GrantedPage, MetaApi } from '../meta/meta-api';
import { decideConnect, permissionsChanged } from './connect-decision';
import { connectionEvent, ConnectionEvents } from './connection-events';
import { ConnectionsRepository } from './connections.repository';
import { PageConnectionEntity } from './page-connection.entity';

export interface ConnectResult {
  pageId: string;
  pageName: string;
  instagram: { id: string; username: string | null } | null;
  outcome: ConnectionChange | 'conflict';
  subscribed: boolean;
}

export interface PageCredentials {
  pageId: string;
  instagramId: string | null;
  tenantId: string;
  status: PageConnectionEntity['status'];
  accessToken: string;
}

const pageContext = (pageId: string) => `page:${pageId}`;
const userContext = (pageId: string) => `user:${pageId}`;

/** Stores, refreshes, invalidates and disconnects Page connections, and reports each change. */
@Injectable()
export class ConnectionsService {
  private readonly logger = new Logger(ConnectionsService.name);

  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly vault: TokenVault,
    private readonly meta: MetaApi,
    private readonly events: ConnectionEvents,
    private readonly clock: Clock,
  ) {}

  async connect(
    tenantId: string,
    grantedBy: string | null,
    userToken: string,
    page: GrantedPage,
    permissions: string[],
  ): Promise<ConnectResult> {
    const base = { pageId: page.id, pageName: page.name, instagram: page.instagram };
    const existing = await this.connections.find(page.id);
    const decision = decideConnect(existing, tenantId);
    if (decision.kind === 'conflict') return { ...base, outcome: 'conflict', subscribed: false };
    const now = this.clock.now();
    const change =
      decision.change === 'refreshed' && existing && permissionsChanged(existing.permissions, permissions)
        ? 'permissions_changed'
        : decision.change;
    const connection = Object.assign(existing ?? new PageConnectionEntity(), {
      pageId: page.id,
      tenantId,
      pageName: page.name,
      instagramId: page.instagram?.id ?? null,
      instagramUsername: page.instagram?.username ?? null,
      pageTokenCiphertext: this.vault.encrypt(page.accessToken, pageContext(page.id)),
      userTokenCiphertext: this.vault.encrypt(userToken, userContext(page.id)),
      keyId: this.vault.activeKeyId,
      tasks: page.tasks,
      permissions,
      status: 'active' as const,
      statusReason: decision.change === 'connected' ? 'onboarding' : 'onboarding_again',
      grantedBy,
      connectedAt: decision.change === 'connected' ? now : (existing?.connectedAt ?? now),
      updatedAt: now,
      checkedAt: now,
    });
    await this.connections.save(connection);
    const subscribed = await this.subscribe(page.id, page.accessToken);
    await this.events.publish(
      connectionEvent(connection, change, connection.statusReason ?? 'onboarding', permissions, now),
    );
    return { ...base, outcome: change, subscribed };
  }

  /** The decrypted Page token, only in memory; refused for connections that are not active. */
  async credentials(accountId: string): Promise<PageCredentials> {
    const connection = await this.connections.findWithSecrets(accountId);
    if (!connection || connection.status === 'disconnected')
      throw new DomainError('not_found', 'No connected Page for this account.');
    if (connection.status !== 'active') {
      throw new DomainError('conflict', 'The Page connection is not valid; an admin must run onboarding again.', {
        status: connection.status,
        reason: connection.statusReason,
      });
    }
    return {
      pageId: connection.pageId,
      instagramId: connection.instagramId,
      tenantId: connection.tenantId,
      status: connection.status,
      accessToken: this.vault.decrypt(connection.pageTokenCiphertext, pageContext(connection.pageId)),
    };
  }

  /** The stored tokens of a connection, decrypted for a diagnostic or repair. */
  async tokens(
    pageId: string,
  ): Promise<{ connection: PageConnectionEntity; pageToken: string; userToken: string | null }> {
    const connection = await this.connections.findWithSecrets(pageId);
    if (!connection || connection.pageId !== pageId) throw new DomainError('not_found', 'Page not found.');
    return {
      connection,
      pageToken: this.vault.decrypt(connection.pageTokenCiphertext, pageContext(pageId)),
      userToken: connection.userTokenCiphertext
        ? this.vault.decrypt(connection.userTokenCiphertext, userContext(pageId))
        : null,
    };
  }

  /** Records the admin's current permissions and reports when they differ from what was stored. */
  async updatePermissions(pageId: string, permissions: string[]): Promise<boolean> {
    const connection = await this.connections.find(pageId);
    if (!connection || connection.status !== 'active' || !permissionsChanged(connection.permissions, permissions))
      return false;
    const now = this.clock.now();
    await this.connections.setPermissions(pageId, permissions, now);
    await this.events.publish(
      connectionEvent(connection, 'permissions_changed', 'permissions_changed', permissions, now),
    );
    return true;
  }

  /** Marks a connection invalid once; later reports of the same failure change nothing. */
  async markInvalid(accountId: string, reason: string): Promise<boolean> {
    const connection = await this.connections.findWithSecrets(accountId);
    if (!connection || connection.status !== 'active') return false;
    const now = this.clock.now();
    if (!(await this.connections.setStatus(connection.pageId, 'invalid', reason, now))) return false;
    await this.events.publish(connectionEvent({ ...connection, status: 'invalid' }, 'invalid', reason, [], now));
    return true;
  }

  async disconnect(pageId: string, reason: string, unsubscribe: boolean): Promise<boolean> {
    const connection = await this.connections.findWithSecrets(pageId);
    if (!connection || connection.status === 'disconnected') return false;
    if (unsubscribe && connection.status === 'active') {
      const token = this.vault.decrypt(connection.pageTokenCiphertext, pageContext(connection.pageId));
      await this.meta
        .unsubscribe(connection.pageId, token)
        .catch((e: unknown) => this.logFailure('unsubscribe', connection.pageId, e));
    }
    const now = this.clock.now();
    if (!(await this.connections.setStatus(connection.pageId, 'disconnected', reason, now))) return false;
    await this.events.publish(
      connectionEvent({ ...connection, status: 'disconnected' }, 'disconnected', reason, [], now),
    );
    return true;
  }

  /** Checks the Page's subscription and sends the full field list again when anything is missing. */
  async repairSubscription(pageId: string): Promise<{ repaired: boolean; fields: string[] }> {
    const { connection, pageToken } = await this.tokens(pageId);
    const fields = await this.meta.subscribedFields(pageId, pageToken);
    const complete = fields !== null && PAGE_SUBSCRIBED_FIELDS.every((f) => fields.includes(f));
    if (complete) return { repaired: false, fields };
    await this.meta.subscribe(pageId, pageToken, PAGE_SUBSCRIBED_FIELDS);
    const now = this.clock.now();
    await this.events.publish(connectionEvent(connection, 'refreshed', 'subscription_repaired', [], now));
    return { repaired: true, fields: [...PAGE_SUBSCRIBED_FIELDS] };
  }

  private async subscribe(pageId: string, pageToken: string): Promise<boolean> {
    try {
      await this.meta.subscribe(pageId, pageToken, PAGE_SUBSCRIBED_FIELDS);
      return true;
    } catch (e) {
      this.logFailure('subscribe', pageId, e);
      return false;
    }
  }

  private logFailure(action: string, pageId: string, e: unknown): void {
    const meta =
      e instanceof MetaGraphError ? { code: e.code, subcode: e.subcode, fbtraceId: e.details.fbtraceId } : {};
    this.logger.warn({ pageId, action, ...meta }, 'Graph call failed');
  }
}
