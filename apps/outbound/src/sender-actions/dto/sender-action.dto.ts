import { OutboundChannel } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export const SENDER_ACTIONS = ['typing_on', 'typing_off', 'mark_seen'] as const;
export type SenderActionName = (typeof SENDER_ACTIONS)[number];

export class SenderActionDto {
  @ApiProperty({ enum: ['messenger', 'instagram'] })
  @IsIn(['messenger', 'instagram'])
  channel: OutboundChannel;

  @ApiProperty({ description: 'Facebook Page id or Instagram professional account id' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  accountId: string;

  @ApiProperty({ description: "The person's PSID / IGSID" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  recipientId: string;

  @ApiProperty({ enum: SENDER_ACTIONS, description: 'typing_on lasts about 20 s or until a message is sent' })
  @IsIn(SENDER_ACTIONS)
  action: SenderActionName;
}

export class SenderActionView {
  @ApiProperty()
  recipientId: string;

  @ApiProperty({ enum: SENDER_ACTIONS })
  action: SenderActionName;
}
