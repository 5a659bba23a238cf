import { ComplianceDecisionEvent, InboundChannel } from '@app/contracts';
import { DomainError } from '@app/errors';
import { AuditQuery, AuditRepository } from '../audit/audit.repository';
import { DecisionRelay } from '../audit/decision-relay';
import { Registry } from 'prom-client';
import { Clock } from '../common/clock';
import { ComplianceMetrics } from '../common/compliance-metrics';
import { PolicySettings } from '../common/policy-settings';
import { ConversationState, emptyState, StateChange } from './conversation-state';
import { DecisionsService } from './decisions.service';
import { DecisionRequestDto } from './dto/decision.dto';
import { DEFAULT_MESSAGING_POLICY } from './messaging-policy';
import { VolumeCountersRepository } from '../volume/volume-counters.repository';
import { ConversationIdentity, ConversationsRepository } from '../windows/conversations.repository';
import { PageEnforcementRepository } from '../enforcement/page-enforcement.repository';
import { PageEnforcement } from './page-enforcement';
import { VolumeRange, VolumeReading } from './volume';

const NOW = new Date('2026-06-01T12:00:00.000Z');

class FixedClock extends Clock {
  now(): Date {
    return NOW;
  }
}

class FakeConversations extends ConversationsRepository {
  readonly states = new Map<string, ConversationState>();
  apply(_id: string, _c: ConversationIdentity, _change: StateChange, _at: Date): Promise<boolean> {
    return Promise.resolve(true);
  }
  find(conversationId: string): Promise<ConversationState | null> {
    return Promise.resolve(this.states.get(conversationId) ?? null);
  }
  erase(): Promise<number> {
    return Promise.resolve(0);
  }
  purgeOlderThan(): Promise<number> {
    return Promise.resolve(0);
  }
}

class FakeAudit extends AuditRepository {
  readonly stored: ComplianceDecisionEvent[] = [];
  append(decision: ComplianceDecisionEvent): Promise<void> {
    this.stored.push(decision);
    return Promise.resolve();
  }
  list(_q: AuditQuery): Promise<ComplianceDecisionEvent[]> {
    return Promise.resolve([]);
  }
  pending(): Promise<ComplianceDecisionEvent[]> {
    return Promise.resolve([]);
  }
  markPublished(): Promise<void> {
    return Promise.resolve();
  }
  eraseConversation(): Promise<number> {
    return Promise.resolve(0);
  }
  purgeOlderThan(): Promise<number> {
    return Promise.resolve(0);
  }
}

class FakeEnforcements extends PageEnforcementRepository {
  current: PageEnforcement | null = null;
  record(): Promise<void> {
    return Promise.resolve();
  }
  find(): Promise<PageEnforcement | null> {
    return Promise.resolve(this.current);
  }
}

class FakeVolume extends VolumeCountersRepository {
  sentLastSecond = 0;
  readonly ranges: VolumeRange[] = [];
  count(): Promise<boolean> {
    return Promise.resolve(true);
  }
  reading(channel: InboundChannel, _accountId: string, range: VolumeRange): Promise<VolumeReading> {
    this.ranges.push(range);
    return Promise.resolve({ channel, sentLastSecond: this.sentLastSecond, windowVolume: 0 });
  }
  purgeBefore(): Promise<number> {
    return Promise.resolve(0);
  }
}

class CountingRelay {
  kicks = 0;
  kick(): void {
    this.kicks++;
  }
}

const settings: PolicySettings = {
  policy: DEFAULT_MESSAGING_POLICY,
  optOutKeywordsByAccount: {},
  windowRetentionMs: 0,
  auditRetentionMs: 0,
  retentionSweepIntervalMs: 1000,
  publicUrl: 'https://parley.example',
  erasureApps: ['compliance'],
};

function request(overrides: Partial<DecisionRequestDto> = {}): DecisionRequestDto {
  return {
    conversationId: 'messenger:1:2',
    channel: 'messenger',
    accountId: '1',
    personId: '2',
    messagingType: 'UPDATE',
    requestedBy: 'outbound',
    ...overrides,
  };
}

describe(DecisionsService.name, () => {
  let conversations: FakeConversations;
  let enforcements: FakeEnforcements;
  let audit: FakeAudit;
  let relay: CountingRelay;
  let volume: FakeVolume;
  let sut: DecisionsService;
  let metrics: ComplianceMetrics;

  beforeEach(() => {
    conversations = new FakeConversations();
    enforcements = new FakeEnforcements();
    audit = new FakeAudit();
    relay = new CountingRelay();
    volume = new FakeVolume();
    metrics = new ComplianceMetrics(new Registry());
    sut = new DecisionsService(
      conversations,
      enforcements,
      audit,
      relay as unknown as DecisionRelay,
      volume,
      settings,
      new FixedClock(),
      metrics,
    );
    conversations.states.set('messenger:1:2', {
      ...emptyState({ conversationId: 'messenger:1:2', channel: 'messenger', accountId: '1', personId: '2' }),
      lastUserActionAt: new Date(NOW.getTime() - 3_600_000),
    });
  });

  describe('decide', () => {
    it('answers, stores the decision for the audit and queues it for publishing', async () => {
      const answer = await sut.decide(request({ tag: undefined }));
      expect(answer).toMatchObject({
        allowed: true,
        reason: 'window_open',
        rule: 'standard_window',
        deadline: '2026-06-02T11:00:00.000Z',
        pacing: { level: 'ok', budgetPerSecond: 32 },
      });
      expect(audit.stored).toEqual([
        expect.objectContaining({
          decisionId: answer.decisionId,
          requestedBy: 'outbound',
          allowed: true,
          tag: null,
          isHumanAgent: false,
          decidedAt: NOW.toISOString(),
        }),
      ]);
      expect(relay.kicks).toBe(1);
      expect((await metrics.decisions.get()).values).toEqual([
        { labels: { allowed: 'true', reason: 'window_open' }, value: 1 },
      ]);
    });

    it('denies non-responses at the deny level of the shared counters, read at its clock', async () => {
      volume.sentLastSecond = 32;
      const update = await sut.decide(request());
      expect(update).toMatchObject({
        allowed: false,
        reason: 'volume_over_limit',
        pacing: { level: 'deny', budgetPerSecond: 0 },
      });
      expect(update.deadline).toBeUndefined();
      expect(volume.ranges[0].rateFrom).toEqual(new Date(NOW.getTime() - 1000));
      const reply = await sut.decide(request({ messagingType: 'RESPONSE' }));
      expect(reply.allowed).toBe(true);
    });

    it('denies every send of a Page Meta blocked', async () => {
      enforcements.current = { action: 'block', reason: 'spam', occurredAt: NOW };
      expect(await sut.decide(request({ messagingType: 'RESPONSE' }))).toMatchObject({
        allowed: false,
        reason: 'page_blocked',
        rule: 'policy_enforcement',
      });
    });

    it('passes the template type on, so CUSTOMER_FEEDBACK goes only with its template', async () => {
      const feedback = { messagingType: 'MESSAGE_TAG' as const, tag: 'CUSTOMER_FEEDBACK' };
      expect(await sut.decide(request(feedback))).toMatchObject({
        allowed: false,
        reason: 'customer_feedback_requires_template',
      });
      expect(await sut.decide(request({ ...feedback, templateType: 'customer_feedback' }))).toMatchObject({
        allowed: true,
        reason: 'tag_window_open',
      });
    });

    it('refuses a conversation id that does not match the channel, account and person', async () => {
      await expect(sut.decide(request({ personId: '9' }))).rejects.toThrow(DomainError);
      expect(audit.stored).toEqual([]);
    });
  });
});
