import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export const CONVERSATION_ID_PATTERN = /^(messenger|instagram):[^:]+:[^:]+$/;

export class ConversationIdParam {
  @ApiProperty({ example: 'messenger:1122:6543', description: '<channel>:<account id>:<scoped user id>' })
  @IsString()
  @Matches(CONVERSATION_ID_PATTERN, { message: 'id must be <channel>:<account id>:<scoped user id>' })
  id!: string;
}

export class WindowDto {
  @ApiProperty({ example: 'messenger:1122:6543' })
  conversationId!: string;

  @ApiProperty({ description: 'Whether a RESPONSE or UPDATE may be sent now (standard or ad window).' })
  open!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the open window closes.' })
  closesAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when HUMAN_AGENT may be used.',
  })
  humanAgentUntil!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'End of a click-to-Messenger/Direct ad window.',
  })
  adWindowUntil!: string | null;

  @ApiProperty()
  optedOut!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUserActionAt!: string | null;
}
