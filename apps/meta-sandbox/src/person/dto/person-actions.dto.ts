import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class PersonActionDto {
  @ApiPropertyOptional({
    description: 'Page id (Messenger) or Instagram account id; optional when the person has one identity',
  })
  @IsOptional()
  @IsString()
  account?: string;

  @ApiPropertyOptional({
    description: 'Event time in epoch ms (default now); set it in the past to age the messaging window',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  timestamp?: number;
}

export const PERSON_ATTACHMENT_TYPES = [
  'image',
  'video',
  'audio',
  'file',
  'sticker',
  'fallback',
  'reel',
  'ig_reel',
  'ig_post',
  'location',
] as const;

export class PersonAttachmentDto {
  @ApiProperty({ enum: PERSON_ATTACHMENT_TYPES })
  @IsIn(PERSON_ATTACHMENT_TYPES)
  type: (typeof PERSON_ATTACHMENT_TYPES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_tld: false })
  url?: string;

  @ApiPropertyOptional({ description: 'Title of a shared post, reel or link' })
  @IsOptional()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ description: 'Sticker id (type sticker)' })
  @IsOptional()
  @IsString()
  stickerId?: string;

  @ApiPropertyOptional({ description: 'Latitude and longitude (type location)' })
  @IsOptional()
  @IsObject()
  coordinates?: { lat: number; long: number };
}

export class QuickReplyTapDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1000)
  payload: string;

  @ApiPropertyOptional({ description: 'The title of the tapped quick reply, sent as the message text' })
  @IsOptional()
  @IsString()
  title?: string;
}

export class StoryRefDto {
  @ApiProperty()
  @IsString()
  id: string;

  @ApiProperty()
  @IsUrl({ require_tld: false })
  url: string;
}

export class ReferralDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  ref?: string;

  @ApiPropertyOptional({ default: 'SHORTLINK', example: 'ADS' })
  @IsOptional()
  @IsString()
  source?: string;

  @ApiPropertyOptional({ default: 'OPEN_THREAD' })
  @IsOptional()
  @IsString()
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  adId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsObject()
  adsContextData?: Record<string, string>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  refererUri?: string;
}

export class PersonMessageDto extends PersonActionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  text?: string;

  @ApiPropertyOptional({ type: [PersonAttachmentDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PersonAttachmentDto)
  attachments?: PersonAttachmentDto[];

  @ApiPropertyOptional({ type: QuickReplyTapDto, description: 'A quick-reply tap' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuickReplyTapDto)
  quickReply?: QuickReplyTapDto;

  @ApiPropertyOptional({ description: 'mid of the message the person swiped to reply to' })
  @IsOptional()
  @IsString()
  replyTo?: string;

  @ApiPropertyOptional({ type: StoryRefDto, description: "Instagram: a reply to the business's story" })
  @IsOptional()
  @ValidateNested()
  @Type(() => StoryRefDto)
  storyReply?: StoryRefDto;

  @ApiPropertyOptional({ type: ReferralDto, description: 'First message after an ad or m.me link' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralDto)
  referral?: ReferralDto;
}

export class PersonPostbackDto extends PersonActionDto {
  @ApiProperty({ example: 'Get Started' })
  @IsString()
  title: string;

  @ApiProperty({ example: 'GET_STARTED' })
  @IsString()
  @MaxLength(1000)
  payload: string;

  @ApiPropertyOptional({ type: ReferralDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralDto)
  referral?: ReferralDto;
}

export const REACTIONS = ['smile', 'angry', 'sad', 'wow', 'love', 'like', 'dislike', 'laugh', 'other'] as const;

export class PersonReactionDto extends PersonActionDto {
  @ApiProperty({ description: 'mid of the message reacted to' })
  @IsString()
  mid: string;

  @ApiPropertyOptional({ enum: ['react', 'unreact'], default: 'react' })
  @IsOptional()
  @IsIn(['react', 'unreact'])
  action?: 'react' | 'unreact';

  @ApiPropertyOptional({ enum: REACTIONS, default: 'love' })
  @IsOptional()
  @IsIn(REACTIONS)
  reaction?: (typeof REACTIONS)[number];

  @ApiPropertyOptional({ example: '❤️' })
  @IsOptional()
  @IsString()
  emoji?: string;
}

export class PersonReadDto extends PersonActionDto {
  @ApiPropertyOptional({ description: 'Instagram: the last seen mid (default the newest message from the business)' })
  @IsOptional()
  @IsString()
  mid?: string;

  @ApiPropertyOptional({ description: 'Messenger: everything sent up to this epoch ms is read (default now)' })
  @IsOptional()
  @IsInt()
  watermark?: number;
}

export class PersonEditDto extends PersonActionDto {
  @ApiProperty()
  @IsString()
  mid: string;

  @ApiProperty()
  @IsString()
  text: string;
}

export class PersonUnsendDto extends PersonActionDto {
  @ApiProperty()
  @IsString()
  mid: string;
}

export class PersonReferralDto extends PersonActionDto {
  @ApiProperty({ type: ReferralDto })
  @ValidateNested()
  @Type(() => ReferralDto)
  referral: ReferralDto;
}

export class PersonOptinDto extends PersonActionDto {
  @ApiPropertyOptional({
    enum: ['notification_messages', 'one_time_notif_req', 'checkbox'],
    default: 'notification_messages',
  })
  @IsOptional()
  @IsIn(['notification_messages', 'one_time_notif_req', 'checkbox'])
  type?: 'notification_messages' | 'one_time_notif_req' | 'checkbox';

  @ApiPropertyOptional({ description: 'Developer payload (or data-ref of a checkbox plugin)' })
  @IsOptional()
  @IsString()
  payload?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ enum: ['STOP NOTIFICATIONS', 'RESUME NOTIFICATIONS'] })
  @IsOptional()
  @IsIn(['STOP NOTIFICATIONS', 'RESUME NOTIFICATIONS'])
  status?: 'STOP NOTIFICATIONS' | 'RESUME NOTIFICATIONS';
}

export class PersonStoryMentionDto extends PersonActionDto {
  @ApiPropertyOptional({ description: 'CDN URL of the story (default a generated one)' })
  @IsOptional()
  @IsUrl({ require_tld: false })
  url?: string;
}

export class PersonPatchDto {
  @ApiPropertyOptional({ description: 'False: the person blocked the business or is gone (Send API answers 551)' })
  @IsOptional()
  @IsBoolean()
  available?: boolean;
}
