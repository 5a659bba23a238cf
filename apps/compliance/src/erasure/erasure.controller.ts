import { CrmAuthGuard, CrmPrincipal, Principal, RequireScopes } from '@app/auth';
import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateErasureDto, ErasureCodeParam, ErasureCreatedDto, ErasureStatusDto } from './dto/erasure.dto';
import { ErasureService } from './erasure.service';

@ApiTags('erasure')
@Controller('v1/erasure')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post()
  @ApiBearerAuth()
  @UseGuards(CrmAuthGuard)
  @RequireScopes(['pages:manage'])
  @ApiOperation({ operationId: 'requestErasure', summary: "Erase a person's data in every app" })
  @ApiCreatedResponse({ type: ErasureCreatedDto })
  async create(@Principal() principal: CrmPrincipal, @Body() body: CreateErasureDto): Promise<ErasureCreatedDto> {
    const { erasureId, confirmationCode, statusUrl } = await this.erasure.createForPerson(principal, body);
    return { erasureId, confirmationCode, statusUrl };
  }

  /** Public: the confirmation code is what the person (or Meta) holds; it reveals no personal data. */
  @Get(':code')
  @ApiOperation({ operationId: 'getErasureStatus', summary: 'Status of an erasure request, per app' })
  @ApiOkResponse({ type: ErasureStatusDto })
  status(@Param() params: ErasureCodeParam): Promise<ErasureStatusDto> {
    return this.erasure.status(params.code);
  }
}
