import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** RFC 6749 §4.4.2, as form fields or JSON; the client may authenticate with HTTP Basic instead. */
export class TokenRequestDto {
  @ApiProperty({ example: 'client_credentials' })
  @IsString()
  @MaxLength(64)
  grant_type: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  client_id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(256)
  client_secret?: string;

  @ApiPropertyOptional({ example: 'messages:send pages:read' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  scope?: string;
}

export class TokenResponseDto {
  @ApiProperty()
  access_token: string;

  @ApiProperty({ example: 'Bearer' })
  token_type: string;

  @ApiProperty({ example: 900 })
  expires_in: number;

  @ApiProperty({ example: 'messages:send pages:read' })
  scope: string;
}
