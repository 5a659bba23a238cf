import { CrmAuthGuard, RequireScopes } from '@app/auth';
import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PolicySettings } from '../common/policy-settings';
import { PolicyDto } from './policy.dto';
import { policyDocument } from './policy-document';

@ApiTags('policy')
@ApiBearerAuth()
@UseGuards(CrmAuthGuard)
@RequireScopes(['compliance:read'])
@Controller('v1/policy')
export class PolicyController {
  constructor(private readonly settings: PolicySettings) {}

  @Get()
  @ApiOperation({ operationId: 'getPolicy', summary: 'The messaging rules in force, machine-readable' })
  @ApiOkResponse({ type: PolicyDto })
  policy(): PolicyDto {
    return policyDocument(this.settings);
  }
}
