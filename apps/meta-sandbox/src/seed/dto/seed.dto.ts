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
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const NUMERIC_ID = /^\d{5,20}$/;
export const PAGE_TASKS = ['MANAGE', 'CREATE_CONTENT', 'MODERATE', 'MESSAGING', 'ADVERTISE', 'ANALYZE'] as const;

export class AppSeedDto {
  @ApiPropertyOptional({ description: 'How other parts of the seed refer to this app (default its id)' })
  @IsOptional()
  @IsString()
  key?: string;

  @ApiPropertyOptional({ description: 'Numeric app id (default generated, below 2^53)' })
  @IsOptional()
  @Matches(/^\d{5,16}$/)
  id?: string;

  @ApiPropertyOptional({ default: 'Parley' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'App secret (default generated)' })
  @IsOptional()
  @IsString()
  secret?: string;

  @ApiPropertyOptional({ description: 'Webhook verify token (default generated)' })
  @IsOptional()
  @IsString()
  verifyToken?: string;

  @ApiPropertyOptional({ description: 'Webhook callback URL; without one nothing is delivered' })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  callbackUrl?: string;

  @ApiPropertyOptional({ description: '"Require App Secret": every user/Page token call needs appsecret_proof' })
  @IsOptional()
  @IsBoolean()
  requireAppsecretProof?: boolean;

  @ApiPropertyOptional({ default: true, description: 'Human Agent feature approved (HUMAN_AGENT tag)' })
  @IsOptional()
  @IsBoolean()
  humanAgentApproved?: boolean;

  @ApiPropertyOptional({ description: 'App-level fields of the instagram object (default all messaging fields)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  instagramFields?: string[];
}

export class InstagramSeedDto {
  @ApiPropertyOptional({ description: 'Instagram professional account id (default 17841… generated)' })
  @IsOptional()
  @Matches(NUMERIC_ID)
  id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  username?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;
}

export class SubscriptionSeedDto {
  @ApiProperty({ description: 'App key' })
  @IsString()
  app: string;

  @ApiPropertyOptional({ description: 'Page webhook fields (default every messaging field)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  fields?: string[];
}

export class PageSeedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  key?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(NUMERIC_ID)
  id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ default: 'Shopping & retail' })
  @IsOptional()
  @IsString()
  category?: string;

  @ApiPropertyOptional({ type: InstagramSeedDto, description: 'Linked Instagram professional account' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstagramSeedDto)
  instagram?: InstagramSeedDto;

  @ApiPropertyOptional({ description: 'Conversation Routing default app (app key); none by default' })
  @IsOptional()
  @IsString()
  defaultApp?: string;

  @ApiPropertyOptional({
    type: [SubscriptionSeedDto],
    description: 'Installed apps (default every seeded app, every field); [] for none',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SubscriptionSeedDto)
  subscriptions?: SubscriptionSeedDto[];
}

export class IdentitySeedDto {
  @ApiProperty({ description: 'Page key' })
  @IsString()
  page: string;

  @ApiProperty({ enum: ['messenger', 'instagram'] })
  @IsIn(['messenger', 'instagram'])
  channel: 'messenger' | 'instagram';

  @ApiPropertyOptional({ description: 'PSID or IGSID (default generated)' })
  @IsOptional()
  @Matches(NUMERIC_ID)
  id?: string;
}

export class PersonSeedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  key?: string;

  @ApiPropertyOptional({ description: 'Sandbox id of the person (default generated)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/)
  id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  username?: string;

  @ApiPropertyOptional({ default: 'en_US' })
  @IsOptional()
  @IsString()
  locale?: string;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt()
  @Min(-12)
  @Max(14)
  timezone?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional({
    type: [IdentitySeedDto],
    description: 'Default: Messenger on every Page and Instagram on every linked account',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IdentitySeedDto)
  identities?: IdentitySeedDto[];
}

export class RoleSeedDto {
  @ApiProperty({ description: 'Page key' })
  @IsString()
  page: string;

  @ApiPropertyOptional({ enum: PAGE_TASKS, isArray: true, description: 'Default every task' })
  @IsOptional()
  @IsArray()
  @IsIn(PAGE_TASKS, { each: true })
  tasks?: string[];
}

export class AdminSeedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  key?: string;

  @ApiPropertyOptional({ description: 'Facebook user id (default generated)' })
  @IsOptional()
  @Matches(NUMERIC_ID)
  id?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ type: [RoleSeedDto], description: 'Default: every Page with every task' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RoleSeedDto)
  roles?: RoleSeedDto[];

  @ApiPropertyOptional({ description: 'Permissions granted to every seeded app (default the messaging set)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  permissions?: string[];

  @ApiPropertyOptional({ description: 'Permissions declined in the login dialog' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  declined?: string[];

  @ApiPropertyOptional({ description: 'Page keys chosen in the login dialog (default every Page)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  grantedPages?: string[];

  @ApiPropertyOptional({ description: 'Fixed long-lived user token value per app key (default generated)' })
  @IsOptional()
  @IsObject()
  userTokens?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Fixed Page token values, keyed "<app key>:<page key>" (default generated)' })
  @IsOptional()
  @IsObject()
  pageTokens?: Record<string, string>;
}

export class SeedDto {
  @ApiPropertyOptional({ type: AppSeedDto, description: 'One app (shorthand for apps: [app])' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AppSeedDto)
  app?: AppSeedDto;

  @ApiPropertyOptional({ type: [AppSeedDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AppSeedDto)
  apps?: AppSeedDto[];

  @ApiPropertyOptional({ type: [PageSeedDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PageSeedDto)
  pages?: PageSeedDto[];

  @ApiPropertyOptional({ type: [PersonSeedDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PersonSeedDto)
  people?: PersonSeedDto[];

  @ApiPropertyOptional({ type: [AdminSeedDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => AdminSeedDto)
  admins?: AdminSeedDto[];
}
