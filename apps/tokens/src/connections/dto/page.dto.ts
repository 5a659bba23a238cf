import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageConnectionEntity } from '../page-connection.entity';

export class InstagramAccountDto {
  @ApiProperty()
  id: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  username: string | null;
}

/** A connected Page as a CRM sees it; never a token. */
export class PageDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;

  @ApiPropertyOptional({ type: InstagramAccountDto, nullable: true })
  instagram: InstagramAccountDto | null;

  @ApiProperty({ enum: ['active', 'invalid', 'disconnected'] })
  status: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  statusReason: string | null;

  @ApiProperty({ type: [String] })
  tasks: string[];

  @ApiProperty()
  connectedAt: string;

  @ApiProperty()
  updatedAt: string;
}

export function toPageDto(c: PageConnectionEntity): PageDto {
  return {
    id: c.pageId,
    name: c.pageName,
    instagram: c.instagramId ? { id: c.instagramId, username: c.instagramUsername } : null,
    status: c.status,
    statusReason: c.statusReason,
    tasks: c.tasks,
    connectedAt: c.connectedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export class PageListDto {
  @ApiProperty({ type: [PageDto] })
  data: PageDto[];
}
