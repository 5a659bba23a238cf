import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Meta's callback form: one `signed_request` field. */
export class SignedRequestDto {
  @ApiProperty({ description: '<base64url signature>.<base64url payload>' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(8192)
  signed_request: string;
}
