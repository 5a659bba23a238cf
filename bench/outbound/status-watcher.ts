import { OutboundStatusEvent, Topics } from '@app/contracts';
import { Consumer, Kafka, logLevel } from 'kafkajs';

export interface Settled {
  status: 'sent' | 'failed';
  accountId: string;
  /** When outbound recorded it (ms since the epoch). */
  at: number;
}

/** Reads `messaging.outbound.status.v1` and remembers when each message was sent or failed. */
export class StatusWatcher {
  private readonly settled = new Map<string, Settled>();
  private consumer: Consumer | null = null;

  async start(brokers: string): Promise<void> {
    const kafka = new Kafka({ brokers: [brokers], clientId: 'parley-bench-status', logLevel: logLevel.NOTHING });
    // Full batches and no offset commits: the watcher is not part of what is measured, so it loads Kafka little.
    const consumer = kafka.consumer({ groupId: 'parley-bench-status', minBytes: 1 << 20, maxWaitTimeInMs: 500 });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.outboundStatus, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString('utf8') ?? '{}') as OutboundStatusEvent;
        if (event.status === 'sent' || event.status === 'failed')
          this.settled.set(event.messageId, {
            status: event.status,
            accountId: event.accountId,
            at: Date.parse(event.occurredAt),
          });
      },
    });
    this.consumer = consumer;
  }

  /** Waits until every message has settled; answers how each did (missing ones had not within the time). */
  async settle(ids: readonly string[], timeoutMs: number): Promise<Settled[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && ids.some((id) => !this.settled.has(id)))
      await new Promise((resolve) => setTimeout(resolve, 200));
    return ids.flatMap((id) => this.settled.get(id) ?? []);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
