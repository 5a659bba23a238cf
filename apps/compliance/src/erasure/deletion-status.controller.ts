import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ErasureCodeParam } from './dto/erasure.dto';
import { ErasureService } from './erasure.service';

/** The status link given to Meta in the data-deletion callback response (public, human-readable). */
@ApiTags('erasure')
@Controller('privacy')
export class DeletionStatusController {
  constructor(private readonly erasure: ErasureService) {}

  @Get('deletion-status')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ operationId: 'getDeletionStatusPage', summary: 'Data deletion status for the person, as a page' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'An HTML page with the status.' })
  page(@Query() query: ErasureCodeParam): Promise<string> {
    return this.erasure.statusPage(query.code);
  }
}
