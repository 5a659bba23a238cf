import { assertSameTenant, CrmPrincipal } from '@app/auth';
import { ConnectionEvent } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { AccountTenantsRepository } from './account-tenants.repository';

/** A CRM client reads only its tenant's Pages and Instagram accounts. */
@Injectable()
export class TenancyService {
  constructor(private readonly tenants: AccountTenantsRepository) {}

  async applyConnection(event: ConnectionEvent): Promise<void> {
    const accounts = event.instagramId ? [event.pageId, event.instagramId] : [event.pageId];
    await this.tenants.record(accounts, event.tenantId, new Date(event.occurredAt));
  }

  async assertOwns(principal: CrmPrincipal, accountId: string, what: string): Promise<void> {
    assertSameTenant(principal, await this.tenants.tenantOf(accountId), what);
  }
}
