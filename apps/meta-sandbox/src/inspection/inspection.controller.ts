import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeliveriesQueryDto, PersonMessagesQueryDto } from './dto/inspection-query.dto';
import { InspectionService } from './inspection.service';

@ApiTags('sandbox: inspection')
@Controller('_sandbox')
export class InspectionController {
  constructor(private readonly inspection: InspectionService) {}

  @Get('people/:person')
  @ApiOperation({ operationId: 'getPerson', summary: 'A person and their PSIDs / IGSIDs' })
  person(@Param('person') person: string) {
    return this.inspection.person(person);
  }

  @Get('people/:person/messages')
  @ApiOperation({
    operationId: 'listPersonMessages',
    summary: 'Messages exchanged with a person, per thread, oldest first',
  })
  messages(@Param('person') person: string, @Query() q: PersonMessagesQueryDto) {
    return this.inspection.messages(person, q.account, q.direction);
  }

  @Get('people/:person/sender-actions')
  @ApiOperation({
    operationId: 'listPersonSenderActions',
    summary: 'Typing indicators, mark_seen and reactions sent to a person',
  })
  senderActions(@Param('person') person: string, @Query() q: PersonMessagesQueryDto) {
    return this.inspection.senderActions(person, q.account);
  }

  @Get('deliveries')
  @ApiOperation({
    operationId: 'listDeliveries',
    summary: 'Webhook deliveries, newest first, with every attempt and its outcome',
  })
  deliveries(@Query() q: DeliveriesQueryDto) {
    return this.inspection.deliveries(q);
  }
}
