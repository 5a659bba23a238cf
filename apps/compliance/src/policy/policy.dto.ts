import { ApiProperty } from '@nestjs/swagger';

export class TagRuleDto {
  @ApiProperty({ example: 'HUMAN_AGENT' })
  tag!: string;
  @ApiProperty({ enum: ['active', 'retired'] })
  status!: 'active' | 'retired';
  @ApiProperty({ type: [String], example: ['messenger', 'instagram'] })
  channels!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'How long after the last action of the person.' })
  windowSeconds!: number | null;
  @ApiProperty()
  note!: string;
}

export class VolumePolicyDto {
  @ApiProperty({ example: 40 })
  pageMessagesPerSecondLimit!: number;
  @ApiProperty({ example: 72000 })
  instagramVolumeLimit!: number;
  @ApiProperty({ example: 86400 })
  instagramVolumeWindowSeconds!: number;
  @ApiProperty({ example: 0.6 })
  warnRatio!: number;
  @ApiProperty({ example: 0.8, description: 'Above this fraction of a limit, non-response messages are denied.' })
  denyRatio!: number;
}

export class RetentionDto {
  @ApiProperty()
  windowSeconds!: number;
  @ApiProperty()
  auditSeconds!: number;
}

export class PolicyDto {
  @ApiProperty({ example: 86400 })
  standardWindowSeconds!: number;
  @ApiProperty({ example: 604800 })
  adWindowSeconds!: number;
  @ApiProperty({ type: [TagRuleDto] })
  tags!: TagRuleDto[];
  @ApiProperty({ type: [String] })
  optOutKeywords!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } })
  optOutKeywordsByAccount!: Record<string, string[]>;
  @ApiProperty({ type: [String] })
  optInKeywords!: string[];
  @ApiProperty({ type: VolumePolicyDto })
  volume!: VolumePolicyDto;
  @ApiProperty({ type: RetentionDto })
  retention!: RetentionDto;
  @ApiProperty({ type: [String] })
  rules!: string[];
  @ApiProperty({ type: [String] })
  reasons!: string[];
}
