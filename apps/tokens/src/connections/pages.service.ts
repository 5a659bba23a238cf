import { Injectable } from '@nestjs/common';
import { assertSameTenant, CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { MetaGraphError } from '@app/meta';
import { DiagnosticsService, PageDiagnostics } from '../diagnostics/diagnostics.service';
import { ConnectionsRepository } from './connections.repository';
import { ConnectionsService } from './connections.service';
import { PageDto, toPageDto } from './dto/page.dto';

/** What a CRM may see and do with its tenant's Pages. */
@Injectable()
export class PagesService {
  constructor(
    private readonly connections: ConnectionsRepository,
    private readonly connectionsService: ConnectionsService,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  async list(principal: CrmPrincipal): Promise<{ data: PageDto[] }> {
    return { data: (await this.connections.listByTenant(principal.tenantId)).map(toPageDto) };
  }

  async get(principal: CrmPrincipal, pageId: string): Promise<PageDto> {
    return toPageDto(await this.owned(principal, pageId));
  }

  async diagnose(principal: CrmPrincipal, pageId: string): Promise<PageDiagnostics> {
    await this.owned(principal, pageId);
    return upstream(() => this.diagnostics.forPage(pageId));
  }

  async repairSubscription(principal: CrmPrincipal, pageId: string): Promise<{ repaired: boolean; fields: string[] }> {
    await this.owned(principal, pageId);
    return upstream(() => this.connectionsService.repairSubscription(pageId));
  }

  async disconnect(principal: CrmPrincipal, pageId: string): Promise<void> {
    await this.owned(principal, pageId);
    await this.connectionsService.disconnect(pageId, 'disconnected_by_client', true);
  }

  private async owned(principal: CrmPrincipal, pageId: string) {
    const connection = await this.connections.find(pageId);
    assertSameTenant(principal, connection?.tenantId, 'Page');
    return connection!;
  }
}

async function upstream<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof MetaGraphError) {
      throw new DomainError('upstream_failed', 'Meta refused the call.', {
        metaCode: e.code,
        metaSubcode: e.subcode ?? null,
      });
    }
    throw e;
  }
}
