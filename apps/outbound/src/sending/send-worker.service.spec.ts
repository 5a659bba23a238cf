import { OutboundFailure, OutboundRequestEvent } from '@app/contracts';
import { RetriableError } from '@app/kafka';
import { AccountAccess, PageTokens } from '../accounts/page-tokens';
import { Clock, SystemClock } from '../common/clock';
import { MessageStatusEntity } from '../messages/message-status.entity';
import { ConversationPage, MessagesRepository, StatusUpdate, StoredAnswer } from '../messages/messages.repository';
import { OutboundEvents } from '../messages/outbound-events';
import { OutboundMessageEntity } from '../messages/outbound-message.entity';
import { SentMessage } from '../receipts/receipt-matching';
import { DEFAULT_BACKOFF } from './backoff';
import { SendApi, SendOutcome, UploadOutcome } from './send-api';
import { DEFAULT_PACING, SendPacer } from './send-pacer';
import { SendWorkerService, SendWorkerSettings } from './send-worker.service';
import { NO_USAGE } from './usage-headers';

const ID = '0b6f4a52-7c1e-4d3a-9f5e-2a1b3c4d5e6f';

class MemoryMessages extends MessagesRepository {
  readonly rows = new Map<string, OutboundMessageEntity>();
  readonly steps: MessageStatusEntity[] = [];
  storedAnswer = async (): Promise<StoredAnswer | null> => null;
  createAccepted = async (): Promise<boolean> => true;
  markPublished = async (): Promise<void> => undefined;
  storeAnswer = async (): Promise<void> => undefined;
  find = async (id: string) => (this.rows.has(id) ? { ...this.rows.get(id)! } : null);
  history = async (id: string) => this.steps.filter((s) => s.messageId === id);
  conversationPage = async (): Promise<ConversationPage> => ({ messages: [], next: null });
  unpublishedBefore = async () => [];
  forgetAnswersBefore = async () => 0;
  sentInConversation = async (): Promise<SentMessage[]> => [];
  async countAttempt(id: string): Promise<number> {
    const row = this.rows.get(id)!;
    row.attempts += 1;
    row.failure = null;
    return row.attempts;
  }
  async noteFailedAttempt(id: string, failure: OutboundFailure): Promise<void> {
    this.rows.get(id)!.failure = failure;
  }
  async recordStatus(id: string, update: StatusUpdate): Promise<boolean> {
    if (this.steps.some((s) => s.messageId === id && s.status === update.status)) return false;
    this.steps.push(
      Object.assign(new MessageStatusEntity(), {
        messageId: id,
        status: update.status,
        occurredAt: update.occurredAt,
        metaMessageId: update.metaMessageId ?? null,
        failure: update.failure ?? null,
      }),
    );
    const row = this.rows.get(id)!;
    row.status = update.status;
    if (update.metaMessageId) row.metaMessageId = update.metaMessageId;
    if (update.failure !== undefined) row.failure = update.failure;
    if (update.outcomeUnknown !== undefined) row.outcomeUnknown = update.outcomeUnknown;
    return true;
  }
}

class RecordedEvents extends OutboundEvents {
  readonly statuses: string[] = [];
  constructor() {
    super({ publish: async () => undefined });
  }
  override async status(_message: OutboundMessageEntity, update: StatusUpdate): Promise<void> {
    this.statuses.push(update.status);
  }
}

class ScriptedSendApi extends SendApi {
  calls = 0;
  constructor(private readonly outcomes: SendOutcome[]) {
    super();
  }
  upload = async (): Promise<UploadOutcome> => ({ ok: true, attachmentId: '1' });
  async send(): Promise<SendOutcome> {
    const outcome = this.outcomes[Math.min(this.calls, this.outcomes.length - 1)];
    this.calls += 1;
    return outcome;
  }
}

class OnePage extends PageTokens {
  forgotten = 0;
  access = async (): Promise<AccountAccess> => ({
    channel: 'messenger',
    accountId: '1122',
    pageId: '1122',
    tenantId: 't',
    accessToken: 'EAA',
  });
  forget(): void {
    this.forgotten += 1;
  }
}

const sent: SendOutcome = { ok: true, metaMessageId: 'm_1', usage: NO_USAGE };
const failed = (
  kind: 'retry' | 'permanent' | 'token-invalid' | 'outcome-unknown',
  reason: string,
  metaCode: number | null,
): SendOutcome => ({
  ok: false,
  usage: NO_USAGE,
  failure:
    kind === 'retry'
      ? { kind, pace: 'slow', reason: 'rate_limited' }
      : kind === 'permanent'
        ? { kind, reason: 'outside_window', pausePage: false }
        : kind === 'token-invalid'
          ? { kind, reason: 'token_invalid' }
          : { kind, reason: 'outcome_unknown' },
  error: { reason, detail: reason, metaCode, metaSubcode: null, fbtraceId: null },
});

const request: OutboundRequestEvent = {
  messageId: ID,
  tenantId: 't',
  channel: 'messenger',
  accountId: '1122',
  recipientId: '6543',
  conversationId: 'messenger:1122:6543',
  messagingType: 'RESPONSE',
  tag: null,
  content: { text: 'hi' },
  acceptedAt: '2026-01-01T00:00:00.000Z',
};

function setup(outcomes: SendOutcome[], row: Partial<OutboundMessageEntity> = {}) {
  const messages = new MemoryMessages();
  const now = new Date();
  messages.rows.set(
    ID,
    Object.assign(new OutboundMessageEntity(), {
      id: ID,
      channel: 'messenger',
      accountId: '1122',
      recipientId: '6543',
      conversationId: request.conversationId,
      messagingType: 'RESPONSE',
      tag: null,
      content: request.content,
      status: 'accepted',
      metaMessageId: null,
      failure: null,
      outcomeUnknown: false,
      attempts: 0,
      sentAt: null,
      publishedAt: now,
      createdAt: now,
      updatedAt: now,
      tenantId: 't',
      ...row,
    }),
  );
  const events = new RecordedEvents();
  const api = new ScriptedSendApi(outcomes);
  const tokens = new OnePage();
  const clock: Clock = new SystemClock();
  const settings = new SendWorkerSettings({ ...DEFAULT_BACKOFF, maxAttempts: 3 }, 5000, 150);
  const sut = new SendWorkerService(messages, events, tokens, api, new SendPacer(DEFAULT_PACING), clock, settings);
  return { sut, messages, events, api, tokens };
}

describe(SendWorkerService.name, () => {
  describe('handle', () => {
    it("records sent with Meta's id and publishes it", async () => {
      const { sut, messages, events } = setup([sent]);
      await sut.handle(request);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'sent', metaMessageId: 'm_1', attempts: 1 });
      expect(events.statuses).toEqual(['sent']);
    });

    it('asks the consumer to retry a throttled send later, keeping the error', async () => {
      const { sut, messages } = setup([failed('retry', 'rate_limited', 613)]);
      const error = await sut.handle(request).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RetriableError);
      expect((error as RetriableError).retryAfterMs).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.slowBaseDelayMs / 2);
      expect(messages.rows.get(ID)).toMatchObject({
        status: 'accepted',
        failure: { reason: 'rate_limited', metaCode: 613 },
      });
    });

    it('fails with the last error once the attempts are spent', async () => {
      const { sut, messages, events, api } = setup([failed('retry', 'rate_limited', 613)]);
      for (let i = 0; i < 2; i++) await expect(sut.handle(request)).rejects.toBeInstanceOf(RetriableError);
      await sut.handle(request);
      expect(api.calls).toBe(3);
      expect(messages.rows.get(ID)).toMatchObject({
        status: 'failed',
        failure: { reason: 'rate_limited', metaCode: 613 },
      });
      expect(events.statuses).toEqual(['failed']);
    });

    it('fails at once on a permanent error', async () => {
      const { sut, messages } = setup([failed('permanent', 'outside_window', 10)]);
      await sut.handle(request);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'failed', failure: { reason: 'outside_window' } });
    });

    it('fails on an invalid token and makes tokens forget the account', async () => {
      const { sut, messages, tokens } = setup([failed('token-invalid', 'token_invalid', 190)]);
      await sut.handle(request);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'failed', failure: { reason: 'token_invalid' } });
      expect(tokens.forgotten).toBe(1);
    });

    it('never re-sends when the outcome is unknown: without an echo it fails as unknown', async () => {
      const { sut, messages, api } = setup([failed('outcome-unknown', 'outcome_unknown', null), sent]);
      await sut.handle(request);
      await sut.handle(request);
      expect(api.calls).toBe(1);
      expect(messages.rows.get(ID)).toMatchObject({
        status: 'failed',
        outcomeUnknown: true,
        failure: { reason: 'outcome_unknown' },
      });
    });

    it('does not send again after a stop in the middle of a call (attempt counted, no result)', async () => {
      const { sut, api, messages } = setup([sent], { attempts: 1, failure: null });
      await sut.handle(request);
      expect(api.calls).toBe(0);
      expect(messages.rows.get(ID)?.outcomeUnknown).toBe(true);
    });

    it('skips a redelivered request of a message already sent, republishing its status', async () => {
      const { sut, api, messages, events } = setup([sent]);
      await sut.handle(request);
      await sut.handle(request);
      expect(api.calls).toBe(1);
      expect(messages.steps.map((s) => s.status)).toEqual(['sent']);
      expect(events.statuses).toEqual(['sent', 'sent']);
    });
  });
});
