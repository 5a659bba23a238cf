import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateErasureDto {
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
}

export class ErasureCreatedDto {
  @ApiProperty({ format: 'uuid' })
  erasureId!: string;
  @ApiProperty({ example: '6F1C1B7E2A4D5C3F' })
  confirmationCode!: string;
  @ApiProperty({ example: 'https://parley.example/v1/erasure/6F1C1B7E2A4D5C3F' })
  statusUrl!: string;
}

export class ErasureCodeParam {
  @ApiProperty({ example: '6F1C1B7E2A4D5C3F' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,64}$/, { message: 'code must be alphanumeric' })
  code!: string;
}

export class AppErasureStatusDto {
  @ApiProperty({ example: 'outbound' })
  app!: string;
  @ApiProperty({ enum: ['pending', 'done', 'failed'] })
  status!: 'pending' | 'done' | 'failed';
  @ApiProperty({ type: Number, nullable: true })
  deletedRecords!: number | null;
  @ApiProperty({ type: String, nullable: true })
  detail!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reportedAt!: string | null;
}

export class ErasureStatusDto {
  @ApiProperty()
  confirmationCode!: string;
  @ApiProperty({ enum: ['pending', 'completed', 'failed'] })
  status!: 'pending' | 'completed' | 'failed';
  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: string;
  @ApiProperty({ type: [AppErasureStatusDto] })
  apps!: AppErasureStatusDto[];
}
