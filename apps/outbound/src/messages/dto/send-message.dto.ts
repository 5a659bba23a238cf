import {
  OUTBOUND_ATTACHMENT_TYPES,
  OUTBOUND_BUTTON_TYPES,
  OUTBOUND_MESSAGING_TYPES,
  OUTBOUND_QUICK_REPLY_TYPES,
  OUTBOUND_TEMPLATE_TYPES,
  OutboundAttachmentType,
  OutboundButtonType,
  OutboundChannel,
  OutboundMessagingType,
  OutboundQuickReplyType,
  OutboundTemplateType,
} from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class ButtonDto {
  @ApiProperty({ enum: OUTBOUND_BUTTON_TYPES, description: 'phone_number on Messenger only' })
  @IsIn(OUTBOUND_BUTTON_TYPES)
  type: OutboundButtonType;

  @ApiProperty({ maxLength: 20 })
  @IsString()
  title: string;

  @ApiPropertyOptional({ description: 'web_url buttons' })
  @IsOptional()
  @IsString()
  url?: string;

  @ApiPropertyOptional({
    description: 'postback payload, or the phone number of a phone_number button',
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  payload?: string;
}

export class TemplateElementDto {
  @ApiPropertyOptional({ description: 'generic: required, at most 80 characters' })
  @IsOptional()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ description: 'generic: at most 80 characters' })
  @IsOptional()
  @IsString()
  subtitle?: string;

  @ApiPropertyOptional({ description: 'generic' })
  @IsOptional()
  @IsString()
  imageUrl?: string;

  @ApiPropertyOptional({ description: 'generic: opened when the element is tapped' })
  @IsOptional()
  @IsString()
  defaultActionUrl?: string;

  @ApiPropertyOptional({ enum: ['image', 'video'], description: 'media: required' })
  @IsOptional()
  @IsIn(['image', 'video'])
  mediaType?: 'image' | 'video';

  @ApiPropertyOptional({ description: 'media: a Facebook URL of the image or video (or attachmentId)' })
  @IsOptional()
  @IsString()
  url?: string;

  @ApiPropertyOptional({ description: 'media: an uploaded attachment' })
  @IsOptional()
  @IsString()
  attachmentId?: string;

  @ApiPropertyOptional({ type: [ButtonDto], description: 'generic: up to 3; media: up to 1' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ButtonDto)
  buttons?: ButtonDto[];
}

export class TemplateDto {
  @ApiProperty({ enum: OUTBOUND_TEMPLATE_TYPES, description: 'media on Messenger only' })
  @IsIn(OUTBOUND_TEMPLATE_TYPES)
  type: OutboundTemplateType;

  @ApiPropertyOptional({ description: 'button: the text above the buttons, at most 640 characters' })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({ type: [ButtonDto], description: 'button: 1 to 3' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ButtonDto)
  buttons?: ButtonDto[];

  @ApiPropertyOptional({ type: [TemplateElementDto], description: 'generic: 1 to 10; media: exactly 1' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TemplateElementDto)
  elements?: TemplateElementDto[];
}

export class AttachmentDto {
  @ApiProperty({ enum: OUTBOUND_ATTACHMENT_TYPES })
  @IsIn(OUTBOUND_ATTACHMENT_TYPES)
  type: OutboundAttachmentType;

  @ApiPropertyOptional({ description: 'Meta fetches the file from this URL (exactly one of url, attachmentId)' })
  @IsOptional()
  @IsString()
  url?: string;

  @ApiPropertyOptional({ description: 'An attachment uploaded before (POST /v1/attachments)' })
  @IsOptional()
  @IsString()
  attachmentId?: string;
}

export class QuickReplyDto {
  @ApiProperty({ enum: OUTBOUND_QUICK_REPLY_TYPES, description: 'only text on Instagram' })
  @IsIn(OUTBOUND_QUICK_REPLY_TYPES)
  contentType: OutboundQuickReplyType;

  @ApiPropertyOptional({ maxLength: 20 })
  @IsOptional()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  payload?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  imageUrl?: string;
}

export class ReactionDto {
  @ApiProperty({ description: "Meta's id of the message reacted to" })
  @IsString()
  @IsNotEmpty()
  messageId: string;

  @ApiProperty({ enum: ['react', 'unreact'] })
  @IsIn(['react', 'unreact'])
  action: 'react' | 'unreact';

  @ApiPropertyOptional({ description: 'Required to react; only love on Instagram', example: 'love' })
  @IsOptional()
  @IsString()
  reaction?: string;
}

export class MessageContentDto {
  @ApiPropertyOptional({ description: 'At most 2000 characters on Messenger, 1000 bytes (UTF-8) on Instagram' })
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({ type: AttachmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttachmentDto)
  attachment?: AttachmentDto;

  @ApiPropertyOptional({ type: TemplateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateDto)
  template?: TemplateDto;

  @ApiPropertyOptional({ type: ReactionDto, description: 'A reaction to a message of the person' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReactionDto)
  reaction?: ReactionDto;

  @ApiPropertyOptional({ type: [QuickReplyDto], description: 'Up to 13' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QuickReplyDto)
  quickReplies?: QuickReplyDto[];

  @ApiPropertyOptional({ description: "Meta's id of the message this one replies to" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  replyTo?: string;
}

export class SendMessageDto {
  @ApiProperty({ enum: ['messenger', 'instagram'] })
  @IsIn(['messenger', 'instagram'])
  channel: OutboundChannel;

  @ApiProperty({
    description: 'Facebook Page id (messenger) or Instagram professional account id (instagram)',
    example: '1122',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  accountId: string;

  @ApiProperty({ description: "The person's Page- or Instagram-scoped id (PSID / IGSID)", example: '6543' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  recipientId: string;

  @ApiPropertyOptional({ enum: OUTBOUND_MESSAGING_TYPES, default: 'RESPONSE' })
  @IsOptional()
  @IsIn(OUTBOUND_MESSAGING_TYPES)
  messagingType?: OutboundMessagingType;

  @ApiPropertyOptional({ description: 'With MESSAGE_TAG: HUMAN_AGENT (both channels), CUSTOMER_FEEDBACK (Messenger)' })
  @IsOptional()
  @IsString()
  tag?: string;

  @ApiPropertyOptional({ description: 'A person wrote this message (required for HUMAN_AGENT)', default: false })
  @IsOptional()
  @IsBoolean()
  humanAgent?: boolean;

  @ApiProperty({ type: MessageContentDto })
  @ValidateNested()
  @Type(() => MessageContentDto)
  message: MessageContentDto;
}
