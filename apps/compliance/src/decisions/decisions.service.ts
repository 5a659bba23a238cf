import { ComplianceDecisionEvent, conversationIdOf, InboundChannel } from '@app/contracts';
import { DomainError } from '@app/errors';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../audit/audit.repository';
import { DecisionRelay } from '../audit/decision-relay';
import { Clock } from '../common/clock';
import { ComplianceMetrics } from '../common/compliance-metrics';
import { PolicySettings } from '../common/policy-settings';
import { PageEnforcementRepository } from '../enforcement/page-enforcement.repository';
import { VolumeCountersRepository } from '../volume/volume-counters.repository';
import { ConversationsRepository } from '../windows/conversations.repository';
import { decide } from './decide';
import { DecisionRequestDto, DecisionResponseDto, PacingDto } from './dto/decision.dto';
import { assessVolume, readingRange } from './volume';

/** Answers "may this message be sent now?" from compliance's own tables, and records every answer. */
@Injectable()
export class DecisionsService {
  private readonly logger = new Logger(DecisionsService.name);

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly enforcements: PageEnforcementRepository,
    private readonly audit: AuditRepository,
    private readonly relay: DecisionRelay,
    private readonly volume: VolumeCountersRepository,
    private readonly settings: PolicySettings,
    private readonly clock: Clock,
    private readonly metrics: ComplianceMetrics,
  ) {}

  async decide(request: DecisionRequestDto): Promise<DecisionResponseDto> {
    if (request.conversationId !== conversationIdOf(request.channel, request.accountId, request.personId)) {
      throw new DomainError('validation_failed', 'conversationId does not match channel, accountId and personId.');
    }
    const now = this.clock.now();
    const [state, enforcement, pacing] = await Promise.all([
      this.conversations.find(request.conversationId),
      this.enforcements.find(request.channel, request.accountId),
      this.pacing(request.channel, request.accountId, now),
    ]);
    if (pacing.level !== 'ok') {
      this.logger.warn({ accountId: request.accountId, ...pacing }, 'account near the high-volume limit');
    }
    const decision = decide(
      state,
      {
        channel: request.channel,
        messagingType: request.messagingType,
        tag: request.tag ?? null,
        isHumanAgent: request.isHumanAgent ?? false,
        notificationToken: request.notificationToken ?? null,
        templateType: request.templateType ?? null,
      },
      now,
      this.settings.policy,
      pacing,
      enforcement,
    );
    const record: ComplianceDecisionEvent = {
      decisionId: randomUUID(),
      conversationId: request.conversationId,
      channel: request.channel,
      accountId: request.accountId,
      personId: request.personId,
      messagingType: request.messagingType,
      tag: request.tag ?? null,
      isHumanAgent: request.isHumanAgent ?? false,
      requestedBy: request.requestedBy,
      allowed: decision.allowed,
      reason: decision.reason,
      rule: decision.rule,
      deadline: decision.deadline ? decision.deadline.toISOString() : null,
      decidedAt: now.toISOString(),
    };
    await this.audit.append(record);
    this.metrics.decisions.inc({ allowed: String(record.allowed), reason: record.reason });
    this.relay.kick();
    return {
      decisionId: record.decisionId,
      allowed: record.allowed,
      reason: record.reason,
      rule: record.rule,
      ...(record.deadline ? { deadline: record.deadline } : {}),
      pacing,
    };
  }

  /** From the shared counters, which count what the account sent once Meta echoes it (see `volumeCountOf`). */
  async pacing(channel: InboundChannel, accountId: string, now: Date = this.clock.now()): Promise<PacingDto> {
    const policy = this.settings.policy.volume;
    return assessVolume(await this.volume.reading(channel, accountId, readingRange(now, policy)), policy);
  }
}
