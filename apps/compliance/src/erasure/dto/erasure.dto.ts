import { ApiProperty, PickType } from '@nestjs/swagger';
import { DecisionRequestDto } from '../../decisions/dto/decision.dto';
import { IsString, Matches } from 'class-validator';

/** The person whose data is to be erased: the same identity fields as a send decision. */
export class CreateErasureDto extends PickType(DecisionRequestDto, ['channel', 'accountId', 'personId'] as const) {}

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
