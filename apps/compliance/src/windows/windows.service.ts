import { CrmPrincipal } from '@app/auth';
import { InboundEvent } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ComplianceMetrics } from '../common/compliance-metrics';
import { keywordsFor, PolicySettings } from '../common/policy-settings';
import { NO_CHANGE, stateChangeOf } from '../decisions/conversation-state';
import { windowView, WindowView } from '../decisions/decide';
import { enforcementOf } from '../decisions/page-enforcement';
import { PageEnforcementRepository } from '../enforcement/page-enforcement.repository';
import { volumeCountOf } from '../decisions/volume';
import { VolumeCountersRepository } from '../volume/volume-counters.repository';
import { TenancyService } from '../tenancy/tenancy.service';
import { ConversationsRepository } from './conversations.repository';

/**
 * Keeps each conversation's windows, opt-outs and tokens, and each account's message volume, from the
 * inbound stream; answers window queries.
 */
@Injectable()
export class WindowsService {
  private readonly logger = new Logger(WindowsService.name);

  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly enforcements: PageEnforcementRepository,
    private readonly volume: VolumeCountersRepository,
    private readonly settings: PolicySettings,
    private readonly clock: Clock,
    private readonly metrics: ComplianceMetrics,
    private readonly tenancy: TenancyService,
  ) {}

  async applyInbound(event: InboundEvent): Promise<void> {
    const count = volumeCountOf(event, this.clock.now(), this.settings.policy.volume);
    if (count) await this.volume.count(count);
    const enforcement = enforcementOf(event);
    if (enforcement) {
      this.logger.warn({ accountId: event.accountId, action: enforcement.action }, 'Meta policy enforcement');
      await this.enforcements.record(event.channel, event.accountId, enforcement);
      return;
    }
    const change = stateChangeOf(event, keywordsFor(this.settings, event.accountId));
    if (change === NO_CHANGE || event.personId === null) {
      this.metrics.inbound.inc({ outcome: 'ignored' });
      return;
    }
    const applied = await this.conversations.apply(
      event.eventId,
      {
        conversationId: event.conversationId,
        channel: event.channel,
        accountId: event.accountId,
        personId: event.personId,
      },
      change,
      this.clock.now(),
    );
    this.metrics.inbound.inc({ outcome: applied ? 'applied' : 'duplicate' });
    if (!applied) this.logger.debug({ eventId: event.eventId }, 'inbound event already applied');
  }

  async window(principal: CrmPrincipal, conversationId: string): Promise<WindowView> {
    await this.tenancy.assertOwns(principal, conversationId.split(':')[1], 'Conversation');
    const state = await this.conversations.find(conversationId);
    return windowView(state, this.clock.now(), this.settings.policy);
  }
}
