import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './audit-cursor';
import { AuditRepository } from './audit.repository';
import { TenancyService } from '../tenancy/tenancy.service';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

const DEFAULT_LIMIT = 100;

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly tenancy: TenancyService,
  ) {}

  async list(principal: CrmPrincipal, query: AuditQueryDto): Promise<AuditPageDto> {
    await this.tenancy.assertOwns(principal, query.pageId, 'Page');
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && after === null)
      throw new DomainError('validation_failed', 'cursor is not valid.');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.audit.list({
      accountId: query.pageId,
      from: query.from,
      to: query.to,
      after,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit ? encodeCursor({ decidedAt: new Date(last.decidedAt), id: last.decisionId }) : null,
    };
  }
}
