import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiProperty({ example: '1122', description: 'Page id or Instagram account id.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  pageId!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Inclusive.' })
  @Type(() => Date)
  @IsDate()
  from!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'Exclusive.' })
  @Type(() => Date)
  @IsDate()
  to!: Date;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  decisionId!: string;
  @ApiProperty()
  conversationId!: string;
  @ApiProperty({ enum: ['messenger', 'instagram'] })
  channel!: 'messenger' | 'instagram';
  @ApiProperty()
  accountId!: string;
  @ApiProperty()
  personId!: string;
  @ApiProperty({ enum: ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] })
  messagingType!: 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';
  @ApiProperty({ type: String, nullable: true })
  tag!: string | null;
  @ApiProperty()
  isHumanAgent!: boolean;
  @ApiProperty()
  requestedBy!: string;
  @ApiProperty()
  allowed!: boolean;
  @ApiProperty()
  reason!: string;
  @ApiProperty()
  rule!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deadline!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items!: AuditEntryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor!: string | null;
}
