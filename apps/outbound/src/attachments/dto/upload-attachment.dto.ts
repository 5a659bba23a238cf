import { OUTBOUND_ATTACHMENT_TYPES, OutboundAttachmentType, OutboundChannel } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';

export class UploadAttachmentDto {
  @ApiProperty({ enum: ['messenger', 'instagram'] })
  @IsIn(['messenger', 'instagram'])
  channel: OutboundChannel;

  @ApiProperty({ description: 'Facebook Page id or Instagram professional account id; the attachment is theirs only' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  accountId: string;

  @ApiProperty({ enum: OUTBOUND_ATTACHMENT_TYPES })
  @IsIn(OUTBOUND_ATTACHMENT_TYPES)
  type: OutboundAttachmentType;

  @ApiPropertyOptional({
    description:
      'Where Meta fetches the file (at most 25 MB; 8 MB for Instagram images). Give either this or, as ' +
      'multipart/form-data, the file itself in the part `file`.',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url?: string;
}

export class AttachmentView {
  @ApiProperty({ description: 'Use as message.attachment.attachmentId in POST /v1/messages' })
  attachmentId: string;
}
