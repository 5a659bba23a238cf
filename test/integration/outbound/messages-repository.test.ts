import { randomUUID } from 'node:crypto';
import { DataSource, Logger } from 'typeorm';
import { PgMessagesRepository, StoredAnswer } from '../../../apps/outbound/src/messages/messages.repository';
import { OutboundMessageEntity } from '../../../apps/outbound/src/messages/outbound-message.entity';
import { acceptedMessage as anAcceptedMessage } from './support/accepted-message';
import { OutboundDatabase, openOutboundDatabase } from './support/outbound-database';

const TENANT = 'acme';

const REFUSED = {
  reason: 'recipient_unavailable',
  detail: 'The person is not available right now.',
  metaCode: 551,
  metaSubcode: 1545041,
  fbtraceId: 'trace-1',
};

/** Counts the statements sent to PostgreSQL: each is a round trip. */
class StatementCounter implements Logger {
  count = 0;

  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** An Instagram message with a tag and quick replies, so every column carries a value worth reading back. */
function acceptedMessage(overrides: Partial<OutboundMessageEntity> = {}): OutboundMessageEntity {
  const now = new Date('2026-03-01T10:00:00.123Z');
  return anAcceptedMessage({
    channel: 'instagram',
    conversationId: 'instagram:100:200',
    messagingType: 'MESSAGE_TAG',
    tag: 'HUMAN_AGENT',
    content: { text: 'hi', quickReplies: [{ contentType: 'text', title: 'Yes', payload: 'YES' }] },
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}

function answerFor(
  message: OutboundMessageEntity,
  key: string = randomUUID(),
): StoredAnswer & { tenantId: string; key: string } {
  return {
    tenantId: TENANT,
    key,
    operation: 'POST /v1/messages',
    requestHash: `hash-${key}`,
    statusCode: 202,
    response: { id: message.id, status: 'accepted', nested: { list: [1, 2] } },
  };
}

describe(PgMessagesRepository.name, () => {
  const statements = new StatementCounter();
  let outboundDb: OutboundDatabase;
  let dataSource: DataSource;
  let sut: PgMessagesRepository;

  beforeAll(async () => {
    outboundDb = await openOutboundDatabase('outbound_it_messages_repository', statements);
    dataSource = outboundDb.dataSource;
    sut = new PgMessagesRepository(dataSource);
  });

  afterAll(() => outboundDb?.close());

  async function statementsOf(work: () => Promise<unknown>): Promise<number> {
    const before = statements.count;
    await work();
    return statements.count - before;
  }

  async function countRows(table: string, where: string, value: string): Promise<number> {
    const rows: Array<{ count: number }> = await dataSource.query(
      `SELECT count(*)::int AS count FROM outbound.${table} WHERE ${where} = $1`,
      [value],
    );
    return rows[0].count;
  }

  describe('createAccepted', () => {
    it('stores the message, its accepted step and the idempotency answer', async () => {
      const message = acceptedMessage();
      const answer = answerFor(message);

      expect(await sut.createAccepted(message, answer)).toBe(true);

      expect(await sut.find(message.id)).toEqual(message);
      expect(await sut.history(message.id)).toEqual([
        {
          messageId: message.id,
          status: 'accepted',
          occurredAt: message.createdAt,
          metaMessageId: null,
          failure: null,
        },
      ]);
      expect(await sut.storedAnswer(TENANT, answer.key)).toEqual({
        operation: answer.operation,
        requestHash: answer.requestHash,
        statusCode: 202,
        response: answer.response,
      });
    });

    it('stores nothing and answers false when the key was taken', async () => {
      const first = acceptedMessage();
      const answer = answerFor(first);
      await sut.createAccepted(first, answer);
      const second = acceptedMessage();

      expect(await sut.createAccepted(second, { ...answerFor(second, answer.key) })).toBe(false);

      expect(await sut.find(second.id)).toBeNull();
      expect(await countRows('message_status', 'message_id', second.id)).toBe(0);
      expect((await sut.storedAnswer(TENANT, answer.key))?.requestHash).toBe(answer.requestHash);
    });

    it('lets exactly one of two requests racing with the same key store its message', async () => {
      const key = randomUUID();
      const racers = [acceptedMessage(), acceptedMessage()];

      const stored = await Promise.all(racers.map((m) => sut.createAccepted(m, answerFor(m, key))));

      expect(stored.filter(Boolean)).toHaveLength(1);
      const winner = racers[stored.indexOf(true)];
      expect(await countRows('message', 'id', winner.id)).toBe(1);
      expect(await countRows('message', 'id', racers[stored.indexOf(false)].id)).toBe(0);
    });

    it('stores a message without an idempotency key', async () => {
      const message = acceptedMessage({ tenantId: null, attempts: 2, publishedAt: new Date('2026-03-01T10:00:01Z') });

      expect(await sut.createAccepted(message, null)).toBe(true);

      expect(await sut.find(message.id)).toEqual(message);
      expect((await sut.history(message.id)).map((step) => step.status)).toEqual(['accepted']);
    });

    it('takes one statement', async () => {
      const message = acceptedMessage();

      expect(await statementsOf(() => sut.createAccepted(message, answerFor(message)))).toBe(1);
    });
  });

  describe('find', () => {
    it('answers the stored values with their types', async () => {
      const message = acceptedMessage();
      await sut.createAccepted(message, null);

      const found = await sut.find(message.id);

      expect(found).toBeInstanceOf(OutboundMessageEntity);
      expect(found?.createdAt).toBeInstanceOf(Date);
      expect(found?.createdAt.toISOString()).toBe('2026-03-01T10:00:00.123Z');
      expect(found?.attempts).toBe(0);
      expect(found?.content).toEqual({
        text: 'hi',
        quickReplies: [{ contentType: 'text', title: 'Yes', payload: 'YES' }],
      });
      expect(found?.outcomeUnknown).toBe(false);
    });

    it('answers null for a message not stored', async () => {
      expect(await sut.find(randomUUID())).toBeNull();
    });
  });

  describe('storedAnswer', () => {
    it('answers null for a key never used', async () => {
      expect(await sut.storedAnswer(TENANT, randomUUID())).toBeNull();
    });

    it('answers the status code as a number and the response as an object', async () => {
      const message = acceptedMessage();
      const answer = answerFor(message);
      await sut.createAccepted(message, answer);

      const stored = await sut.storedAnswer(TENANT, answer.key);

      expect(stored?.statusCode).toBe(202);
      expect(stored?.response).toEqual({ id: message.id, status: 'accepted', nested: { list: [1, 2] } });
    });
  });

  describe('recordStatus', () => {
    const sentAt = new Date('2026-03-01T10:00:02Z');
    const sent = {
      status: 'sent' as const,
      occurredAt: new Date('2026-03-01T10:00:03Z'),
      metaMessageId: 'm_1',
      sentAt,
    };

    async function stored(): Promise<OutboundMessageEntity> {
      const message = acceptedMessage();
      await sut.createAccepted(message, null);
      return message;
    }

    it('moves the message to sent and appends the step', async () => {
      const message = await stored();

      expect(await sut.recordStatus(message.id, { ...sent, failure: null, outcomeUnknown: false })).toBe(true);

      expect(await sut.find(message.id)).toMatchObject({
        status: 'sent',
        metaMessageId: 'm_1',
        sentAt,
        updatedAt: sent.occurredAt,
      });
      expect((await sut.history(message.id)).at(-1)).toEqual({
        messageId: message.id,
        status: 'sent',
        occurredAt: sent.occurredAt,
        metaMessageId: 'm_1',
        failure: null,
      });
    });

    it('answers false for a step recorded before and leaves the message as it was', async () => {
      const message = await stored();
      await sut.recordStatus(message.id, sent);

      const again = { ...sent, occurredAt: new Date('2026-03-01T10:05:00Z'), metaMessageId: 'm_2' };
      expect(await sut.recordStatus(message.id, again)).toBe(false);

      expect(await sut.find(message.id)).toMatchObject({ metaMessageId: 'm_1', updatedAt: sent.occurredAt });
    });

    it('does not fail a message already sent', async () => {
      const message = await stored();
      await sut.recordStatus(message.id, sent);

      const failed = { status: 'failed' as const, occurredAt: new Date(), failure: REFUSED, outcomeUnknown: true };
      expect(await sut.recordStatus(message.id, failed)).toBe(false);

      expect(await sut.find(message.id)).toMatchObject({ status: 'sent', failure: null, outcomeUnknown: false });
      expect((await sut.history(message.id)).map((step) => step.status)).toEqual(['accepted', 'sent']);
    });

    it('answers false for a message not stored, and records no step for it', async () => {
      const id = randomUUID();

      expect(await sut.recordStatus(id, sent)).toBe(false);

      expect(await countRows('message_status', 'message_id', id)).toBe(0);
    });

    it('keeps the failure and outcomeUnknown when the update leaves them out', async () => {
      const message = await stored();
      const failed = { status: 'failed' as const, occurredAt: new Date(), failure: REFUSED, outcomeUnknown: true };
      await sut.recordStatus(message.id, failed);

      expect(await sut.recordStatus(message.id, { status: 'delivered', occurredAt: new Date() })).toBe(true);

      expect(await sut.find(message.id)).toMatchObject({ status: 'delivered', failure: REFUSED, outcomeUnknown: true });
      expect((await sut.history(message.id)).find((step) => step.status === 'failed')?.failure).toEqual(REFUSED);
    });

    it('clears the failure when the update says null', async () => {
      const message = await stored();
      const failed = { status: 'failed' as const, occurredAt: new Date(), failure: REFUSED, outcomeUnknown: true };
      await sut.recordStatus(message.id, failed);

      expect(await sut.recordStatus(message.id, { ...sent, failure: null })).toBe(true);

      expect(await sut.find(message.id)).toMatchObject({ status: 'sent', failure: null, outcomeUnknown: true });
    });

    it('takes one statement', async () => {
      const message = await stored();

      expect(await statementsOf(() => sut.recordStatus(message.id, sent))).toBe(1);
    });
  });
});
