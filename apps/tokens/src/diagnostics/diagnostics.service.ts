import { Injectable } from '@nestjs/common';
import { MetaGraphError } from '@app/meta';
import { Clock } from '../common/clock';
import { TokensConfig } from '../config/tokens.config';
import { AccessLevel, parseAccessLevels } from './access-levels';
import { ConnectionsService } from '../connections/connections.service';
import { MetaApi } from '../meta/meta-api';
import { Diagnostics, diagnose, DiagnosticsInput, TokenDebugInfo } from './diagnostics-rules';

export interface PageDiagnostics {
  pageId: string;
  page: Diagnostics;
  instagram: (Diagnostics & { instagramId: string }) | null;
}

/** Asks Meta about a connection's token, permissions and subscription, and applies the checklist rules. */
@Injectable()
export class DiagnosticsService {
  private readonly accessLevels: Record<string, AccessLevel> | undefined;

  constructor(
    private readonly connections: ConnectionsService,
    private readonly meta: MetaApi,
    private readonly clock: Clock,
    config: TokensConfig,
  ) {
    this.accessLevels = parseAccessLevels(config.META_ACCESS_LEVELS);
  }

  async forPage(pageId: string): Promise<PageDiagnostics> {
    const { connection, pageToken, userToken } = await this.connections.tokens(pageId);
    const [token, permissions, subscribedFields] = await Promise.all([
      this.meta.debugToken(pageToken).catch((e: unknown) => unreadableToken(e)),
      userToken ? this.meta.permissions(userToken).catch(() => null) : Promise.resolve(null),
      this.meta.subscribedFields(pageId, pageToken).catch(() => null),
    ]);
    const common: Omit<DiagnosticsInput, 'subject'> = {
      token,
      permissions,
      tasks: connection.tasks,
      subscribedFields,
      accessLevels: this.accessLevels,
      now: Math.floor(this.clock.now().getTime() / 1000),
    };
    const instagramId = connection.instagramId;
    return {
      pageId,
      page: diagnose({ ...common, subject: { kind: 'page', pageId } }),
      instagram: instagramId
        ? { instagramId, ...diagnose({ ...common, subject: { kind: 'instagram', pageId, instagramId } }) }
        : null,
    };
  }
}

/** A token Meta refuses to describe is as good as invalid for the checklist. */
function unreadableToken(e: unknown): TokenDebugInfo {
  if (!(e instanceof MetaGraphError)) throw e;
  return { isValid: false, scopes: [], error: { code: e.code, subcode: e.subcode, message: e.message } };
}
