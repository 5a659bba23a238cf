import { InternalTokenGuard } from '@app/auth';
import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ConnectionsService, PageCredentials } from '../connections/connections.service';

/** The Page token for outbound, by Page or Instagram account id; callers cache it briefly. */
@ApiExcludeController()
@UseGuards(InternalTokenGuard)
@Controller('internal/v1/accounts')
export class InternalController {
  constructor(private readonly connections: ConnectionsService) {}

  @Get(':accountId/token')
  @Header('cache-control', 'no-store')
  token(@Param('accountId') accountId: string): Promise<PageCredentials> {
    return this.connections.credentials(accountId);
  }
}
