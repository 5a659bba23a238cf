import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PAGE_TASKS } from '../../seed/dto/seed.dto';

export class AppPatchDto {
  @ApiPropertyOptional({ nullable: true, description: 'Webhook callback URL (null: deliver nothing)' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  callbackUrl?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireAppsecretProof?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  humanAgentApproved?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  instagramFields?: string[];
}

export class ChaosDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    description: 'Share of successful deliveries delivered a second time, same bytes',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  duplicateRate?: number;

  @ApiPropertyOptional({ description: 'Deliver each event alone, newest first' })
  @IsOptional()
  @IsBoolean()
  reorder?: boolean;

  @ApiPropertyOptional({ description: 'Hold deliveries (they queue) until unpaused or flushed' })
  @IsOptional()
  @IsBoolean()
  paused?: boolean;
}

export class InvalidateSessionsDto {
  @ApiProperty({ enum: ['password_changed', 'logged_out', 'session_invalid', 'not_authorized'] })
  @IsIn(['password_changed', 'logged_out', 'session_invalid', 'not_authorized'])
  reason: 'password_changed' | 'logged_out' | 'session_invalid' | 'not_authorized';
}

export class TasksDto {
  @ApiProperty({ enum: PAGE_TASKS, isArray: true, description: '[] removes the role' })
  @IsArray()
  @IsIn(PAGE_TASKS, { each: true })
  tasks: string[];
}

export class ExpireTokenDto {
  @ApiProperty()
  @IsString()
  token: string;
}

export class WindowRuleDto {
  @ApiProperty()
  @IsInt()
  @Min(0)
  limit: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  windowMs: number;
}

export class LimitsDto {
  @ApiPropertyOptional({ type: WindowRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowRuleDto)
  app?: WindowRuleDto;

  @ApiPropertyOptional({ type: WindowRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowRuleDto)
  messengerSend?: WindowRuleDto;

  @ApiPropertyOptional({ type: WindowRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowRuleDto)
  messengerSendMedia?: WindowRuleDto;

  @ApiPropertyOptional({ type: WindowRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowRuleDto)
  instagramSend?: WindowRuleDto;

  @ApiPropertyOptional({ type: WindowRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowRuleDto)
  instagramSendMedia?: WindowRuleDto;

  @ApiPropertyOptional({ type: WindowRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowRuleDto)
  conversations?: WindowRuleDto;

  @ApiPropertyOptional({ type: WindowRuleDto, description: 'Per engaged user' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowRuleDto)
  businessUseCase?: WindowRuleDto;
}
