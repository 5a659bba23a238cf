import { ErasureProgressEvent, TopicName, Topics } from '@app/contracts';
import { EventPublisher, OutgoingEvent, RetriableError } from '@app/kafka';
import { appUserErasureRequest, erasureRequest } from '@app/testing';
import { Logger } from '@nestjs/common';
import { ErasureParticipant, ErasureParticipantSettings } from './erasure-participant';
import { ErasureSubject } from './erasure-subject';
import { ErasureOutcome, ErasureRefusedError, PersonalDataEraser } from './personal-data-eraser';

class RecordingPublisher extends EventPublisher {
  readonly published: { topic: TopicName; event: OutgoingEvent }[] = [];
  async publish(topic: TopicName, events: readonly OutgoingEvent[]): Promise<void> {
    this.published.push(...events.map((event) => ({ topic, event })));
  }
  reports(): ErasureProgressEvent[] {
    return this.published.map((p) => p.event.data as ErasureProgressEvent);
  }
}

/** Deletes a fixed set of rows once, as a real table would: a second run finds nothing. */
class RowsEraser extends PersonalDataEraser {
  readonly subjects: ErasureSubject[] = [];
  constructor(
    private rows: number,
    private readonly failure: unknown = null,
  ) {
    super();
  }
  async erase(subject: ErasureSubject): Promise<ErasureOutcome> {
    this.subjects.push(subject);
    if (this.failure) throw this.failure;
    const deletedRecords = this.rows;
    this.rows = 0;
    return { deletedRecords, detail: null };
  }
}

describe(ErasureParticipant.name, () => {
  const now = new Date('2026-06-01T12:00:05.000Z');
  beforeAll(() => Logger.overrideLogger(false));
  const setup = (eraser: PersonalDataEraser) => {
    const publisher = new RecordingPublisher();
    const sut = new ErasureParticipant(new ErasureParticipantSettings('outbound', () => now), eraser, publisher);
    return { sut, publisher };
  };

  describe('carryOut', () => {
    it("erases the request's subject and reports done with the count, keyed by the erasure id", async () => {
      const eraser = new RowsEraser(5);
      const { sut, publisher } = setup(eraser);
      const request = erasureRequest();

      await sut.carryOut(request);

      expect(eraser.subjects).toEqual([expect.objectContaining({ conversationId: 'messenger:1122:6543' })]);
      expect(publisher.published).toEqual([
        {
          topic: Topics.privacyErasureProgress,
          event: expect.objectContaining({ key: request.erasureId, type: 'parley.privacy.erasure.progress.v1' }),
        },
      ]);
      expect(publisher.reports()).toEqual([
        {
          erasureId: request.erasureId,
          app: 'outbound',
          status: 'done',
          deletedRecords: 5,
          detail: null,
          reportedAt: now.toISOString(),
        },
      ]);
    });

    it('reports a redelivered request again, as a new event, with nothing more deleted', async () => {
      const { sut, publisher } = setup(new RowsEraser(5));
      const request = erasureRequest();

      await sut.carryOut(request);
      await sut.carryOut(request);

      expect(publisher.reports().map((r) => [r.status, r.deletedRecords])).toEqual([
        ['done', 5],
        ['done', 0],
      ]);
      const [first, second] = publisher.published.map((p) => p.event.id);
      expect(first).not.toBe(second);
    });

    it('reports failed, naming nobody, when the request can never be carried out', async () => {
      const eraser = new RowsEraser(5);
      const { sut, publisher } = setup(eraser);

      await sut.carryOut(erasureRequest({ accountId: null }));

      expect(eraser.subjects).toEqual([]);
      expect(publisher.reports()).toEqual([
        expect.objectContaining({
          status: 'failed',
          deletedRecords: 0,
          detail: 'refused: the request names no channel, account and person id',
        }),
      ]);
    });

    it("reports failed without the error's words when the eraser fails for good", async () => {
      const { sut, publisher } = setup(new RowsEraser(1, new ErasureRefusedError('cannot')));
      await sut.carryOut(appUserErasureRequest('218471'));
      expect(publisher.reports()[0]).toMatchObject({ status: 'failed', detail: 'refused: cannot' });
    });

    it.each([
      ['a transient failure', new RetriableError('database away')],
      ['a failure of unknown kind', new TypeError('x is undefined')],
    ])('rethrows %s for the consumer to retry, and reports nothing', async (_name, failure) => {
      const { sut, publisher } = setup(new RowsEraser(1, failure));
      await expect(sut.carryOut(erasureRequest())).rejects.toBe(failure);
      expect(publisher.published).toEqual([]);
    });
  });

  describe('reportFailed', () => {
    it("reports failed, without the error's words, once the consumer gave up on a request", async () => {
      const { sut, publisher } = setup(new RowsEraser(1));
      const request = erasureRequest();
      await sut.reportFailed(request, new TypeError("cannot read 'id' of person 6543"));
      expect(publisher.reports()).toEqual([
        expect.objectContaining({ erasureId: request.erasureId, app: 'outbound', status: 'failed', deletedRecords: 0 }),
      ]);
      expect(JSON.stringify(publisher.reports())).not.toContain('6543');
    });
  });
});
