import { Injectable } from '@nestjs/common';
import { CrmClientsService } from '../clients/crm-clients.service';
import { SigningKeysService } from '../clients/signing-keys.service';
import { KeyRotationService } from '../crypto/key-rotation.service';
import { ADMIN_USAGE, AdminCommand } from './admin-commands';

/** Carries out one admin command and prints JSON lines; never prints a stored secret. */
@Injectable()
export class AdminRunner {
  constructor(
    private readonly clients: CrmClientsService,
    private readonly keys: SigningKeysService,
    private readonly rotation: KeyRotationService,
  ) {}

  async run(command: AdminCommand, out: (line: string) => void): Promise<number> {
    switch (command.kind) {
      case 'help':
        out(ADMIN_USAGE);
        return 0;
      case 'create-client':
        out(JSON.stringify(await this.clients.create(command.tenantId, command.name, command.scopes)));
        return 0;
      case 'list-clients':
        for (const c of await this.clients.list(command.tenantId)) {
          out(
            JSON.stringify({
              clientId: c.clientId,
              tenantId: c.tenantId,
              name: c.name,
              scopes: c.scopes,
              createdAt: c.createdAt.toISOString(),
              revokedAt: c.revokedAt?.toISOString() ?? null,
            }),
          );
        }
        return 0;
      case 'revoke-client': {
        const revoked = await this.clients.revoke(command.clientId);
        out(JSON.stringify({ clientId: command.clientId, revoked }));
        return revoked ? 0 : 1;
      }
      case 'rotate-signing-key':
        out(JSON.stringify({ kid: (await this.keys.rotate()).kid }));
        return 0;
      case 'rotate-encryption':
        out(JSON.stringify(await this.rotation.reencryptAll()));
        return 0;
    }
  }
}
