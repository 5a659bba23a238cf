import { Injectable } from '@nestjs/common';
import { CrmScope } from '@app/auth';
import { Clock } from '../common/clock';
import { hashClientSecret, newClientId, newClientSecret } from './client-secret';
import { CrmClientEntity } from './crm-client.entity';
import { CrmClientsRepository } from './crm-clients.repository';

export interface CreatedClient {
  clientId: string;
  /** Shown once; only its hash is kept. */
  clientSecret: string;
  tenantId: string;
  scopes: CrmScope[];
}

/** The admin side of CRM clients: create, list, revoke. */
@Injectable()
export class CrmClientsService {
  constructor(
    private readonly clients: CrmClientsRepository,
    private readonly clock: Clock,
  ) {}

  async create(tenantId: string, name: string, scopes: CrmScope[]): Promise<CreatedClient> {
    const clientId = newClientId();
    const clientSecret = newClientSecret();
    await this.clients.insert(
      Object.assign(new CrmClientEntity(), {
        clientId,
        tenantId,
        name,
        secretHash: hashClientSecret(clientSecret),
        scopes,
        createdAt: this.clock.now(),
        revokedAt: null,
      }),
    );
    return { clientId, clientSecret, tenantId, scopes };
  }

  list(tenantId?: string): Promise<CrmClientEntity[]> {
    return this.clients.list(tenantId);
  }

  revoke(clientId: string): Promise<boolean> {
    return this.clients.revoke(clientId, this.clock.now());
  }
}
