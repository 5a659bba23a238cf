import { MESSAGING_TYPES, MessagingType } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CONVERSATION_ID_PATTERN } from '../../windows/dto/window.dto';

export class DecisionRequestDto {
  @ApiProperty({ example: 'messenger:1122:6543' })
  @IsString()
  @Matches(CONVERSATION_ID_PATTERN, { message: 'conversationId must be <channel>:<account id>:<scoped user id>' })
  conversationId!: string;

  @ApiProperty({ enum: ['messenger', 'instagram'] })
  @IsIn(['messenger', 'instagram'])
  channel!: 'messenger' | 'instagram';

  @ApiProperty({ example: '1122', description: 'Page id or Instagram account id.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  accountId!: string;

  @ApiProperty({ example: '6543', description: 'PSID or IGSID of the person.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  personId!: string;

  @ApiProperty({ enum: MESSAGING_TYPES })
  @IsIn([...MESSAGING_TYPES])
  messagingType!: MessagingType;

  @ApiPropertyOptional({ example: 'HUMAN_AGENT', description: 'Required with MESSAGE_TAG.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tag?: string;

  @ApiPropertyOptional({ description: 'A person (not automation) writes this message; required for HUMAN_AGENT.' })
  @IsOptional()
  @IsBoolean()
  isHumanAgent?: boolean;

  @ApiPropertyOptional({ description: 'Notification-messages token the message is sent with.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  notificationToken?: string;

  @ApiPropertyOptional({
    example: 'customer_feedback',
    description: "The message's template_type when it is a template; CUSTOMER_FEEDBACK requires customer_feedback.",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,64}$/, { message: 'templateType must be a Meta template_type such as customer_feedback' })
  templateType?: string;

  @ApiProperty({ example: 'outbound', description: 'Who asks: the app, or the CRM client behind it.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  requestedBy!: string;
}

export class PacingDto {
  @ApiProperty({ enum: ['ok', 'warn', 'deny'] })
  level!: 'ok' | 'warn' | 'deny';

  @ApiProperty({ description: 'Messages the account may still send this second before the deny level.' })
  budgetPerSecond!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Instagram: messages left in the volume window.' })
  remainingVolume!: number | null;
}

export class DecisionResponseDto {
  @ApiProperty({ format: 'uuid' })
  decisionId!: string;

  @ApiProperty()
  allowed!: boolean;

  @ApiProperty({ example: 'window_open' })
  reason!: string;

  @ApiProperty({ example: 'standard_window' })
  rule!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'When the permission ends.' })
  deadline?: string;

  @ApiProperty({ type: PacingDto })
  pacing!: PacingDto;
}

export class PacingParams {
  @ApiProperty({ enum: ['messenger', 'instagram'] })
  @IsIn(['messenger', 'instagram'])
  channel!: 'messenger' | 'instagram';

  @ApiProperty({ example: '1122' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  accountId!: string;
}
