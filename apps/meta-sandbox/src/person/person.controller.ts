import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PersonEditDto,
  PersonMessageDto,
  PersonOptinDto,
  PersonPatchDto,
  PersonPostbackDto,
  PersonReactionDto,
  PersonReadDto,
  PersonReferralDto,
  PersonStoryMentionDto,
  PersonUnsendDto,
} from './dto/person-actions.dto';
import { ActionResult, PersonService } from './person.service';

/** The person's side: each call becomes the webhook Meta would deliver. `:person` is a sandbox id or a PSID/IGSID. */
@ApiTags('sandbox: the person')
@Controller('_sandbox/people/:person')
export class PersonController {
  constructor(private readonly people: PersonService) {}

  @Post('messages')
  @ApiOperation({ operationId: 'personSendMessage', summary: 'Send text, attachments or a quick-reply tap' })
  message(@Param('person') person: string, @Body() dto: PersonMessageDto): Promise<ActionResult> {
    return this.people.message(person, dto);
  }

  @Post('postbacks')
  @ApiOperation({
    operationId: 'personPostback',
    summary: 'Tap a postback button, Get Started, menu item or ice breaker',
  })
  postback(@Param('person') person: string, @Body() dto: PersonPostbackDto): Promise<ActionResult> {
    return this.people.postback(person, dto);
  }

  @Post('reactions')
  @ApiOperation({ operationId: 'personReact', summary: 'React to (or unreact from) a message' })
  reaction(@Param('person') person: string, @Body() dto: PersonReactionDto): Promise<ActionResult> {
    return this.people.reaction(person, dto);
  }

  @Post('reads')
  @ApiOperation({ operationId: 'personRead', summary: 'Read the business’s messages' })
  read(@Param('person') person: string, @Body() dto: PersonReadDto): Promise<ActionResult> {
    return this.people.read(person, dto);
  }

  @Post('edits')
  @ApiOperation({ operationId: 'personEdit', summary: 'Edit one of their messages (at most 5 times)' })
  edit(@Param('person') person: string, @Body() dto: PersonEditDto): Promise<ActionResult> {
    return this.people.edit(person, dto);
  }

  @Post('unsends')
  @ApiOperation({ operationId: 'personUnsend', summary: 'Unsend one of their messages (Instagram)' })
  unsend(@Param('person') person: string, @Body() dto: PersonUnsendDto): Promise<ActionResult> {
    return this.people.unsend(person, dto);
  }

  @Post('referrals')
  @ApiOperation({ operationId: 'personReferral', summary: 'Re-enter the thread through m.me / ig.me, an ad or a code' })
  referral(@Param('person') person: string, @Body() dto: PersonReferralDto): Promise<ActionResult> {
    return this.people.referral(person, dto);
  }

  @Post('optins')
  @ApiOperation({
    operationId: 'personOptin',
    summary: 'Opt in to Marketing Messages, a one-time notification, or a checkbox plugin',
  })
  optin(@Param('person') person: string, @Body() dto: PersonOptinDto): Promise<ActionResult> {
    return this.people.optin(person, dto);
  }

  @Post('story-mentions')
  @ApiOperation({ operationId: 'personStoryMention', summary: 'Mention the business in their story (Instagram)' })
  storyMention(@Param('person') person: string, @Body() dto: PersonStoryMentionDto): Promise<ActionResult> {
    return this.people.storyMention(person, dto);
  }

  @Patch()
  @ApiOperation({
    operationId: 'updatePerson',
    summary: 'Make the person unavailable (blocked the business, deactivated) or available again',
  })
  patch(@Param('person') person: string, @Body() dto: PersonPatchDto) {
    return this.people.patch(person, dto.available);
  }
}
