import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

export const HANDOVER_ACTIONS = ['pass', 'take', 'request', 'release'] as const;
export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];

export class HandoverDto {
  @ApiProperty({
    enum: HANDOVER_ACTIONS,
    description:
      'Thread control within Conversation Routing: pass to another app, take (default app only), request, release',
  })
  @IsIn(HANDOVER_ACTIONS)
  action: HandoverAction;

  @ApiPropertyOptional({ description: 'pass: the app that gets the thread, e.g. 263902037430900 (Page Inbox)' })
  @ValidateIf((dto: HandoverDto) => dto.action === 'pass')
  @IsString()
  @Matches(/^\d+$/, { message: 'targetAppId must be a numeric app id' })
  targetAppId?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Passed on to the other app in its handover webhook' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  metadata?: string;
}

export class HandoverView {
  @ApiProperty({ enum: HANDOVER_ACTIONS })
  action: HandoverAction;

  @ApiProperty()
  success: boolean;
}
