import { Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { PageDto, PageListDto } from './dto/page.dto';
import { PagesService } from './pages.service';

@ApiTags('pages')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@Controller('v1/pages')
export class PagesController {
  constructor(private readonly pages: PagesService) {}

  @Get()
  @RequireScopes(['pages:read'])
  @ApiOperation({ operationId: 'listPages', summary: "The tenant's connected Pages and Instagram accounts" })
  @ApiOkResponse({ type: PageListDto })
  list(@Principal() principal: CrmPrincipal) {
    return this.pages.list(principal);
  }

  @Get(':id')
  @RequireScopes(['pages:read'])
  @ApiOperation({ operationId: 'getPage', summary: 'One connected Page' })
  @ApiOkResponse({ type: PageDto })
  get(@Principal() principal: CrmPrincipal, @Param('id') id: string) {
    return this.pages.get(principal, id);
  }

  @Get(':id/diagnostics')
  @RequireScopes(['pages:read'])
  @ApiOperation({ operationId: 'getPageDiagnostics', summary: 'Token, permissions, tasks and subscription checklist' })
  diagnostics(@Principal() principal: CrmPrincipal, @Param('id') id: string) {
    return this.pages.diagnose(principal, id);
  }

  @Post(':id/subscription')
  @HttpCode(200)
  @RequireScopes(['pages:manage'])
  @ApiOperation({ operationId: 'repairPageSubscription', summary: 'Check and repair the webhook subscription' })
  repair(@Principal() principal: CrmPrincipal, @Param('id') id: string) {
    return this.pages.repairSubscription(principal, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireScopes(['pages:manage'])
  @ApiOperation({ operationId: 'disconnectPage', summary: 'Unsubscribe and forget the Page token' })
  disconnect(@Principal() principal: CrmPrincipal, @Param('id') id: string) {
    return this.pages.disconnect(principal, id);
  }
}
