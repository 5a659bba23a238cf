import {
  deletionConfirmationCode,
  ErasureProgressEvent,
  ErasureRequestedEvent,
  MetaCallbackEvent,
  Topics,
} from '@app/contracts';
import { CrmPrincipal } from '@app/auth';
import { DomainError } from '@app/errors';
import { EventPublisher } from '@app/kafka';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock';
import { PolicySettings } from '../common/policy-settings';
import { TenancyService } from '../tenancy/tenancy.service';
import { CreateErasureDto, ErasureStatusDto } from './dto/erasure.dto';
import { ErasureRepository } from './erasure.repository';
import { deletionStatusPage } from './deletion-status-page';
import { erasureStatus } from './erasure-status';

/** Erasure requests: created from Meta's callback or an admin, and every app's progress on them. */
@Injectable()
export class ErasureService {
  constructor(
    private readonly erasures: ErasureRepository,
    private readonly publisher: EventPublisher,
    private readonly settings: PolicySettings,
    private readonly clock: Clock,
    private readonly tenancy: TenancyService,
  ) {}

  async createForPerson(principal: CrmPrincipal, request: CreateErasureDto): Promise<ErasureRequestedEvent> {
    await this.tenancy.assertOwns(principal, request.accountId, 'Page');
    const erasureId = randomUUID();
    return this.create({
      erasureId,
      confirmationCode: deletionConfirmationCode(erasureId),
      source: 'admin',
      subjectKind: 'person',
      channel: request.channel,
      accountId: request.accountId,
      personId: request.personId,
      appScopedUserId: null,
    });
  }

  /** Meta's data-deletion callback: the code and status link the gateway already gave Meta. */
  async createFromCallback(callback: MetaCallbackEvent): Promise<void> {
    if (callback.kind !== 'data_deletion') return;
    await this.create({
      erasureId: callback.callbackId,
      confirmationCode: callback.confirmationCode ?? deletionConfirmationCode(callback.callbackId),
      source: 'meta_callback',
      subjectKind: 'app_user',
      channel: null,
      accountId: null,
      personId: null,
      appScopedUserId: callback.appScopedUserId,
      statusUrl: callback.statusUrl ?? undefined,
    });
  }

  async recordProgress(report: ErasureProgressEvent): Promise<void> {
    await this.erasures.recordProgress(report.erasureId, {
      app: report.app,
      status: report.status,
      deletedRecords: report.deletedRecords,
      detail: report.detail,
      reportedAt: new Date(report.reportedAt),
    });
  }

  async status(confirmationCode: string): Promise<ErasureStatusDto> {
    const status = await this.findStatus(confirmationCode);
    if (!status) throw new DomainError('not_found', 'No erasure request has this confirmation code.');
    return status;
  }

  async statusPage(confirmationCode: string): Promise<string> {
    return deletionStatusPage(await this.findStatus(confirmationCode), confirmationCode);
  }

  private async findStatus(confirmationCode: string): Promise<ErasureStatusDto | null> {
    const request = await this.erasures.findByCode(confirmationCode);
    if (!request) return null;
    const { status, apps } = erasureStatus(await this.erasures.progress(request.erasureId), this.settings.erasureApps);
    return {
      confirmationCode: request.confirmationCode,
      status,
      requestedAt: request.requestedAt,
      apps: apps.map((a) => ({ ...a, reportedAt: a.reportedAt ? a.reportedAt.toISOString() : null })),
    };
  }

  private async create(
    fields: Omit<ErasureRequestedEvent, 'requestedAt' | 'statusUrl'> & { statusUrl?: string },
  ): Promise<ErasureRequestedEvent> {
    const stored = await this.erasures.create({
      ...fields,
      requestedAt: this.clock.now().toISOString(),
      statusUrl: fields.statusUrl ?? this.statusUrl(fields.confirmationCode),
    });
    // Published again on a retried callback: every app's erasure is idempotent.
    await this.publisher.publish(Topics.privacyErasure, [
      { key: stored.erasureId, type: 'parley.privacy.erasure.v1', id: stored.erasureId, data: stored },
    ]);
    return stored;
  }

  private statusUrl(code: string): string {
    return `${this.settings.publicUrl.replace(/\/+$/, '')}/v1/erasure/${encodeURIComponent(code)}`;
  }
}
