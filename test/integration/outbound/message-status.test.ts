import { PgMessagesRepository } from '../../../apps/outbound/src/messages/messages.repository';
import { acceptedMessage } from './support/accepted-message';
import { OutboundDatabase, openOutboundDatabase } from './support/outbound-database';

const LOST = {
  reason: 'outcome_unknown',
  detail: "Meta's answer was lost.",
  metaCode: null,
  metaSubcode: null,
  fbtraceId: null,
};

describe(PgMessagesRepository.name, () => {
  let outboundDb: OutboundDatabase;
  let sut: PgMessagesRepository;

  beforeAll(async () => {
    outboundDb = await openOutboundDatabase('outbound_it_status');
    sut = new PgMessagesRepository(outboundDb.dataSource);
  });

  afterAll(() => outboundDb?.close());

  describe('recordStatus', () => {
    it('does not fail a send its echo settled while the worker was still settling it', async () => {
      const message = acceptedMessage({ attempts: 1, publishedAt: new Date() });
      await sut.createAccepted(message, null);

      expect(await sut.recordStatus(message.id, { status: 'sent', occurredAt: new Date(), metaMessageId: 'm_1' })).toBe(
        true,
      );
      const failed = { status: 'failed' as const, occurredAt: new Date(), failure: LOST, outcomeUnknown: true };
      expect(await sut.recordStatus(message.id, failed)).toBe(false);

      expect(await sut.find(message.id)).toMatchObject({ status: 'sent', metaMessageId: 'm_1', failure: null });
      expect((await sut.history(message.id)).map((step) => step.status)).toEqual(['accepted', 'sent']);
    });

    it('lets a late echo settle a send that failed as unknown', async () => {
      const message = acceptedMessage({ attempts: 1, publishedAt: new Date() });
      await sut.createAccepted(message, null);
      const failed = { status: 'failed' as const, occurredAt: new Date(), failure: LOST, outcomeUnknown: true };
      expect(await sut.recordStatus(message.id, failed)).toBe(true);

      const echo = { status: 'sent' as const, occurredAt: new Date(), metaMessageId: 'm_2', failure: null };
      expect(await sut.recordStatus(message.id, { ...echo, outcomeUnknown: false })).toBe(true);

      expect(await sut.find(message.id)).toMatchObject({ status: 'sent', metaMessageId: 'm_2', outcomeUnknown: false });
    });

    it('settles an echo and a failure racing for the same message to the echo', async () => {
      for (let round = 0; round < 20; round++) {
        const message = acceptedMessage({ attempts: 1, publishedAt: new Date() });
        await sut.createAccepted(message, null);
        const failed = { status: 'failed' as const, occurredAt: new Date(), failure: LOST, outcomeUnknown: true };
        const echo = { status: 'sent' as const, occurredAt: new Date(), metaMessageId: 'm_3', failure: null };
        await Promise.all([
          sut.recordStatus(message.id, failed),
          sut.recordStatus(message.id, { ...echo, outcomeUnknown: false }),
        ]);
        expect((await sut.find(message.id))?.status).toBe('sent');
      }
    });
  });
});
