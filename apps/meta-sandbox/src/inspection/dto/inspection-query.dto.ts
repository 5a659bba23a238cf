import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class DeliveriesQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  appId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'dropped'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'dropped'])
  status?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class PersonMessagesQueryDto {
  @ApiPropertyOptional({ description: 'Page or Instagram account id' })
  @IsOptional()
  @IsString()
  account?: string;

  @ApiPropertyOptional({ enum: ['inbound', 'outbound'], description: 'outbound: what the business sent to the person' })
  @IsOptional()
  @IsIn(['inbound', 'outbound'])
  direction?: 'inbound' | 'outbound';
}
