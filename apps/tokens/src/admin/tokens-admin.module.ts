import { DynamicModule, Module } from '@nestjs/common';
import { CrmClientsRepository } from '../clients/crm-clients.repository';
import { CrmClientsService } from '../clients/crm-clients.service';
import { SigningKeysRepository } from '../clients/signing-keys.repository';
import { SigningKeysService } from '../clients/signing-keys.service';
import { Clock, SystemClock } from '../common/clock';
import { TokensConfig } from '../config/tokens.config';
import { KeyRotationService } from '../crypto/key-rotation.service';
import { parseKeyring } from '../crypto/token-cipher';
import { TokenVault } from '../crypto/token-vault';
import { AdminRunner } from './admin-runner';

/** What the admin command needs: the tokens schema, the keyring, clients and keys; no HTTP, no Kafka. */
@Module({})
export class TokensAdminModule {
  static forRoot(config: TokensConfig): DynamicModule {
    return {
      module: TokensAdminModule,
      providers: [
        { provide: TokensConfig, useValue: config },
        { provide: Clock, useClass: SystemClock },
        { provide: TokenVault, useValue: new TokenVault(parseKeyring(config.TOKEN_ENCRYPTION_KEY)) },
        CrmClientsRepository,
        CrmClientsService,
        SigningKeysRepository,
        SigningKeysService,
        KeyRotationService,
        AdminRunner,
      ],
      exports: [AdminRunner],
    };
  }
}
