import { TopicName } from '@app/contracts';
import { EventPublisher, OutgoingEvent } from '@app/kafka';
import { SystemClock } from '../../../apps/outbound/src/common/clock';
import { PgMessagesRepository } from '../../../apps/outbound/src/messages/messages.repository';
import { MessagesService } from '../../../apps/outbound/src/messages/messages.service';
import { OutboundEvents } from '../../../apps/outbound/src/messages/outbound-events';
import { acceptedMessage } from './support/accepted-message';
import { OutboundDatabase, openOutboundDatabase } from './support/outbound-database';

/** Stands in for Kafka: every publish of one turn of the event loop is acknowledged together, as one request is. */
class OneRequestPerTurn extends EventPublisher {
  readonly published: string[] = [];

  async publish(topic: TopicName, events: readonly OutgoingEvent[]): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.published.push(...events.map((e) => `${topic}:${e.id}`));
  }
}

describe('publishing accepted messages', () => {
  let outboundDb: OutboundDatabase;
  let repository: PgMessagesRepository;
  let publisher: OneRequestPerTurn;
  let sut: MessagesService;

  beforeAll(async () => {
    outboundDb = await openOutboundDatabase('outbound_it_published_marks');
    repository = new PgMessagesRepository(outboundDb.dataSource);
    publisher = new OneRequestPerTurn();
    // Publishing needs only the repository, the events and the clock.
    const unused = undefined as never;
    sut = new MessagesService(
      repository,
      new OutboundEvents(publisher),
      unused,
      unused,
      unused,
      unused,
      new SystemClock(),
    );
  });

  afterAll(() => outboundDb?.close());

  it('marks every message published once its records are on Kafka, those published together in one statement', async () => {
    const messages = Array.from({ length: 20 }, () => acceptedMessage());
    for (const message of messages) await repository.createAccepted(message, null);
    const marks = jest.spyOn(repository, 'markPublished');

    await Promise.all(messages.map((message) => sut.publish(message)));

    expect(publisher.published).toHaveLength(40);
    for (const message of messages) expect((await repository.find(message.id))?.publishedAt).toBeInstanceOf(Date);
    expect(marks.mock.calls.length).toBeLessThanOrEqual(2);
    expect(marks.mock.calls.flatMap(([ids]) => ids).sort()).toEqual(messages.map((m) => m.id).sort());
  });

  it('leaves a message unpublished, for the relay, when Kafka refuses its records', async () => {
    const message = acceptedMessage();
    await repository.createAccepted(message, null);
    jest.spyOn(publisher, 'publish').mockRejectedValueOnce(new Error('Kafka is unavailable'));

    await expect(sut.publish(message)).rejects.toMatchObject({ code: 'unavailable' });

    expect((await repository.find(message.id))?.publishedAt).toBeNull();
  });
});
