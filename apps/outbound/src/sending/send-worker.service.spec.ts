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
import { GraphApi } from '../conversations/graph-api';
import { AccountPauseEntity } from '../pauses/account-pause.entity';
import { AccountPausesRepository } from '../pauses/account-pauses.repository';
import { AccountPauses, PauseSettings } from '../pauses/account-pauses.service';
import { ConversationMessage } from '../conversations/recent-messages';
import { LostSendSettler } from './lost-send-settler';

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

class MemoryPauses extends AccountPausesRepository {
  readonly rows = new Map<string, AccountPauseEntity>();
  find = async (channel: string, accountId: string) => this.rows.get(`${channel}:${accountId}`) ?? null;
  async save(pause: AccountPauseEntity): Promise<void> {
    this.rows.set(`${pause.channel}:${pause.accountId}`, { ...pause });
  }
  async remove(channel: string, accountId: string): Promise<void> {
    this.rows.delete(`${channel}:${accountId}`);
  }
}

/** Meta's conversation as the Conversations API shows it: one thread, its newest messages. */
class ConversationGraph extends GraphApi {
  recent: ConversationMessage[] | Error = [];
  reads = 0;
  async get<T>(_access: AccountAccess, path: string): Promise<T> {
    if (path.endsWith('/conversations')) return { data: [{ id: 't_1' }] } as T;
    this.reads += 1;
    if (this.recent instanceof Error) throw this.recent;
    const data = this.recent.map((m) => ({
      id: m.id,
      created_time: m.createdAt,
      from: { id: m.fromId },
      message: m.text ?? undefined,
    }));
    return { data } as T;
  }
  post = async <T>(): Promise<T> => ({}) as T;
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
  const pauseRows = new MemoryPauses();
  const pauses = new AccountPauses(pauseRows, new PauseSettings(60_000, 240_000), clock);
  const graph = new ConversationGraph();
  const sut = new SendWorkerService(
    messages,
    events,
    tokens,
    api,
    new SendPacer(DEFAULT_PACING),
    pauses,
    new LostSendSettler(graph, clock),
    clock,
    settings,
  );
  return { sut, messages, events, api, tokens, pauseRows, graph };
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

    it('never re-sends when neither an echo nor the Conversations API settles a lost answer', async () => {
      const { sut, messages, api, graph } = setup([failed('outcome-unknown', 'outcome_unknown', null), sent]);
      graph.recent = new Error('(#613) Calls to this api have exceeded the rate limit.');
      await sut.handle(request);
      await sut.handle(request);
      expect(api.calls).toBe(1);
      expect(messages.rows.get(ID)).toMatchObject({
        status: 'failed',
        outcomeUnknown: true,
        failure: { reason: 'outcome_unknown' },
      });
    });

    it('settles a lost answer as sent when the conversation shows the message', async () => {
      const { sut, messages, api, graph, events } = setup([failed('outcome-unknown', 'outcome_unknown', null)]);
      graph.recent = [
        { id: 'm_found', createdAt: new Date().toISOString(), fromId: '1122', text: 'hi' },
        { id: 'm_0', createdAt: '2026-01-01T00:00:00+0000', fromId: '6543', text: 'hello' },
      ];
      await sut.handle(request);
      expect(api.calls).toBe(1);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'sent', metaMessageId: 'm_found', outcomeUnknown: false });
      expect(events.statuses).toEqual(['sent']);
    });

    it('sends again, once, when the conversation proves a lost answer was not sent', async () => {
      const { sut, messages, api, graph } = setup([failed('outcome-unknown', 'outcome_unknown', null), sent]);
      graph.recent = [{ id: 'm_0', createdAt: '2026-01-01T00:00:00+0000', fromId: '6543', text: 'hello' }];
      await expect(sut.handle(request)).rejects.toBeInstanceOf(RetriableError);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'accepted', failure: { reason: 'temporary_error' } });
      await sut.handle(request);
      expect(api.calls).toBe(2);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'sent', metaMessageId: 'm_1', attempts: 2 });
    });

    it('fails a message proven unsent once its attempts are spent', async () => {
      const earlier = { reason: 'temporary_error', detail: 'x', metaCode: 2, metaSubcode: null, fbtraceId: null };
      const { sut, messages, graph } = setup([failed('outcome-unknown', 'outcome_unknown', null)], {
        attempts: 2,
        failure: earlier,
      });
      graph.recent = [];
      await sut.handle(request);
      expect(messages.rows.get(ID)).toMatchObject({
        status: 'failed',
        outcomeUnknown: false,
        failure: { reason: 'temporary_error' },
      });
    });

    it('does not send again after a stop in the middle of a call (attempt counted, no result)', async () => {
      const { sut, api, messages, graph } = setup([sent], { attempts: 1, failure: null });
      graph.recent = new Error('unreadable');
      await sut.handle(request);
      expect(api.calls).toBe(0);
      expect(messages.rows.get(ID)?.outcomeUnknown).toBe(true);
    });

    it('settles a call cut off by a stop through the conversation, from when the attempt started', async () => {
      const attemptedAt = new Date(Date.now() - 60_000);
      const { sut, api, messages, graph } = setup([sent], { attempts: 1, failure: null, updatedAt: attemptedAt });
      graph.recent = [
        { id: 'm_cut', createdAt: new Date(attemptedAt.getTime() + 1000).toISOString(), fromId: '1122', text: 'hi' },
      ];
      await sut.handle(request);
      expect(api.calls).toBe(0);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'sent', metaMessageId: 'm_cut' });
    });

    it('pauses the account after error 368: the next message fails without reaching Meta', async () => {
      const restricted: SendOutcome = {
        ok: false,
        usage: NO_USAGE,
        failure: { kind: 'permanent', reason: 'page_restricted', pausePage: true },
        error: {
          reason: 'page_restricted',
          detail: '(#368) Temporarily blocked',
          metaCode: 368,
          metaSubcode: null,
          fbtraceId: null,
        },
      };
      const { sut, messages, api, pauseRows } = setup([restricted, sent]);
      await sut.handle(request);
      expect(messages.rows.get(ID)).toMatchObject({ status: 'failed', failure: { metaCode: 368 } });
      expect(pauseRows.rows.get('messenger:1122')).toMatchObject({ strikes: 1, metaCode: 368 });

      const second = {
        ...messages.rows.get(ID)!,
        id: 'second',
        status: 'accepted' as const,
        failure: null,
        attempts: 0,
      };
      messages.rows.set('second', second);
      await sut.handle({ ...request, messageId: 'second' });
      expect(api.calls).toBe(1);
      expect(messages.rows.get('second')).toMatchObject({
        status: 'failed',
        failure: { reason: 'account_paused', metaCode: 368 },
      });
    });

    it('lets one message probe when the pause ended, and lifts the pause when it goes through', async () => {
      const { sut, messages, api, pauseRows } = setup([sent]);
      const ended = new Date(Date.now() - 1000);
      await pauseRows.save(
        Object.assign(new AccountPauseEntity(), {
          channel: 'messenger',
          accountId: '1122',
          reason: '(#368) Temporarily blocked',
          metaCode: 368,
          strikes: 2,
          pausedAt: new Date(ended.getTime() - 60_000),
          pausedUntil: ended,
        }),
      );
      await sut.handle(request);
      expect(api.calls).toBe(1);
      expect(messages.rows.get(ID)?.status).toBe('sent');
      expect(pauseRows.rows.size).toBe(0);
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
