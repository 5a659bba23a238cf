import { OUTBOUND_STATUSES, OutboundStatus } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

export class AcceptedMessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['accepted'] })
  status: 'accepted';

  @ApiProperty({ example: 'messenger:1122:6543' })
  conversationId: string;

  @ApiProperty({ format: 'date-time' })
  acceptedAt: string;
}

export class FailureView {
  @ApiProperty({ example: 'outside_window' })
  reason: string;

  @ApiProperty()
  detail: string;

  @ApiProperty({ nullable: true, type: Number })
  metaCode: number | null;

  @ApiProperty({ nullable: true, type: Number })
  metaSubcode: number | null;

  @ApiProperty({ nullable: true, type: String })
  fbtraceId: string | null;
}

export class StatusStepView {
  @ApiProperty({ enum: OUTBOUND_STATUSES })
  status: OutboundStatus;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ nullable: true, type: String })
  metaMessageId: string | null;

  @ApiProperty({ nullable: true, type: FailureView })
  failure: FailureView | null;
}

export class MessageView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['messenger', 'instagram'] })
  channel: string;

  @ApiProperty()
  accountId: string;

  @ApiProperty()
  recipientId: string;

  @ApiProperty()
  conversationId: string;

  @ApiProperty({ enum: OUTBOUND_STATUSES })
  status: OutboundStatus;

  @ApiProperty({ nullable: true, type: String, description: "Meta's message id once sent" })
  metaMessageId: string | null;

  @ApiProperty({ nullable: true, type: FailureView })
  failure: FailureView | null;

  @ApiProperty({ type: [StatusStepView], description: 'Every step, oldest first' })
  history: StatusStepView[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MessagePageView {
  @ApiProperty({ type: [MessageView] })
  data: MessageView[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor: string | null;
}

export class ListMessagesQuery {
  @ApiProperty({ example: 'messenger:1122:6543' })
  @IsString()
  @IsNotEmpty()
  conversationId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
