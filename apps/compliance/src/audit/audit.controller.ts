import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@RequireScopes(['compliance:read'])
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ operationId: 'listDecisions', summary: "A Page's send decisions in a time range, oldest first" })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Principal() principal: CrmPrincipal, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(principal, query);
  }
}
