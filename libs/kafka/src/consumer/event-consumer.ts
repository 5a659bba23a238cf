import { TopicName } from '@app/contracts';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { KafkaConnection } from '../kafka-connection';
import { IncomingEventHeaders, readEventHeaders } from '../publisher/cloud-event-headers';
import { deadLetterHeaders, describeFailure } from './dead-letter';
import {
  classifyFailure,
  decideFailure,
  DEFAULT_RETRY_POLICY,
  FailureKind,
  retryAfterOf,
  RetryPolicy,
} from './failure-policy';

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A validated record as a handler sees it. */
export interface ConsumedEvent<T> {
  /** Registry name, without the topic prefix. */
  readonly topic: TopicName;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: T;
  readonly headers: IncomingEventHeaders;
}

export interface EventConsumerOptions<T> {
  /** Consumer group, without the prefix (the prefix namespaces groups like topics). */
  readonly groupId: string;
  readonly topics: readonly TopicName[];
  /** Checks the decoded JSON value (null for a tombstone); a failure sends the record to `<topic>.dlq`. */
  readonly validate: (value: unknown, topic: TopicName) => Validation<T>;
  /** Resolves once the record's effect is durable; only then is its offset committed. */
  readonly handle: (event: ConsumedEvent<T>) => Promise<void>;
  readonly classify?: (error: unknown) => FailureKind;
  readonly retry?: Partial<RetryPolicy>;
  /** Partitions processed at once; records of one partition are handled one after the other, unless `lanes`. */
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Handles records of one partition at once when their lane differs (the conversations of one Page, say),
   * at most `concurrency` records in hand; records of one lane still go one after the other, in offset order.
   * A partition's offset is committed only up to its first record not yet done.
   */
  readonly lanes?: { readonly of: (event: ConsumedEvent<T>) => string; readonly concurrency: number };
  /**
   * Called once a record whose handler kept failing went to `<topic>.dlq`, so the app can tell whoever waits
   * for the record's outcome. Not called for records that failed validation (there is no event to tell of).
   */
  readonly onDeadLetter?: (event: ConsumedEvent<T>, error: unknown) => Promise<void>;
  /** Called each time this member (re)joins its group, i.e. whenever partitions are handed out anew. */
  readonly onJoin?: () => void;
  /** Where a group without committed offsets starts. Default: the beginning, so nothing is skipped. */
  readonly fromBeginning?: boolean;
  readonly sessionTimeoutMs?: number;
  /** Longest fetch long-poll; short so a member notices rebalances and stops quickly. Default 1000. */
  readonly maxWaitTimeMs?: number;
  /**
   * Bytes a fetch waits for, up to `maxWaitTimeMs`, before Kafka answers. Default 1: each record as soon as it
   * lands. A consumer that can wait that long raises it, so a busy topic reaches it in a few full batches rather
   * than a fetch and an offset commit for every record or two.
   */
  readonly minBytes?: number;
}

type Outcome = 'done' | 'interrupted';

type Prepared<T> =
  { readonly ok: true; readonly event: ConsumedEvent<T> } | { readonly ok: false; readonly reason: string };

interface Coordinates {
  wireTopic: string;
  partition: number;
  message: KafkaMessage;
  headers: IncomingEventHeaders;
}

/**
 * A consumer group member: validates, handles, retries, dead-letters, and commits a record's offset
 * only after its handler resolved (or after it reached the dead-letter topic). Kafkajs directly rather
 * than Nest's Kafka transport, which commits on ordinary exceptions and has no dead-letter step.
 */
export class EventConsumer<T> {
  private readonly consumer: Consumer;
  private readonly policy: RetryPolicy;
  private readonly classify: (error: unknown) => FailureKind;
  private readonly wireGroupId: string;
  private readonly stopSignal = new AbortController();
  private readonly joinedOnce: Promise<void>;

  constructor(
    private readonly connection: KafkaConnection,
    private readonly options: EventConsumerOptions<T>,
  ) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.classify = options.classify ?? classifyFailure;
    this.wireGroupId = connection.wireName(options.groupId);
    this.consumer = connection.consumer({
      groupId: this.wireGroupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1000,
      minBytes: options.minBytes ?? 1,
      allowAutoTopicCreation: false,
    });
    this.joinedOnce = new Promise((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, () => resolve()));
    if (options.onJoin) this.consumer.on(this.consumer.events.GROUP_JOIN, () => options.onJoin?.());
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.options.topics.map((topic) => this.connection.wireName(topic)),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: true,
      autoCommitInterval: 1000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.processBatch(payload),
    });
  }

  /** Resolves once this member joined its group (and got its partitions). */
  joined(): Promise<void> {
    return this.joinedOnce;
  }

  /** Finishes the record in hand (or abandons its retry wait), commits what was handled, leaves the group. */
  async stop(): Promise<void> {
    this.stopSignal.abort();
    await this.consumer.disconnect();
  }

  private async processBatch(payload: EachBatchPayload): Promise<void> {
    if (this.options.lanes) return this.processBatchInLanes(payload, this.options.lanes);
    const { batch, resolveOffset, isRunning, isStale, commitOffsetsIfNecessary, uncommittedOffsets } = payload;
    const interrupted = () => !isRunning() || isStale() || this.stopSignal.signal.aborted;
    for (const message of batch.messages) {
      if (interrupted()) break;
      const outcome = await this.processRecord(batch.topic, batch.partition, message, payload.heartbeat, interrupted);
      if (outcome === 'interrupted') break;
      resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
    }
    const pending = uncommittedOffsets();
    if (pending.topics.length > 0) await commitOffsetsIfNecessary(pending);
  }

  private async processBatchInLanes(
    payload: EachBatchPayload,
    lanes: NonNullable<EventConsumerOptions<T>['lanes']>,
  ): Promise<void> {
    const { batch, resolveOffset, isRunning, isStale, commitOffsetsIfNecessary, uncommittedOffsets } = payload;
    let stopped = false;
    let failure: { error: unknown } | null = null;
    const interrupted = () => stopped || !isRunning() || isStale() || this.stopSignal.signal.aborted;
    const done: boolean[] = [];
    let resolvedUpTo = 0;
    const tails = new Map<string, Promise<void>>();
    const inHand = new Set<Promise<void>>();

    for (let index = 0; index < batch.messages.length && !interrupted(); index++) {
      while (inHand.size >= lanes.concurrency) await Promise.race(inHand);
      if (interrupted()) break;
      const message = batch.messages[index];
      const prepared = this.prepare(batch.topic, batch.partition, message);
      const lane = prepared.ok ? lanes.of(prepared.event) : `invalid:${message.offset}`;
      const job = (tails.get(lane) ?? Promise.resolve())
        .then(async () => {
          if (interrupted()) return;
          const outcome = await this.processPrepared(
            prepared,
            batch.topic,
            batch.partition,
            message,
            payload,
            interrupted,
          );
          if (outcome === 'interrupted') {
            stopped = true;
            return;
          }
          done[index] = true;
          while (done[resolvedUpTo]) resolveOffset(batch.messages[resolvedUpTo++].offset);
        })
        .catch((error: unknown) => {
          failure ??= { error };
          stopped = true;
        })
        .finally(() => inHand.delete(job));
      tails.set(lane, job);
      inHand.add(job);
      await commitOffsetsIfNecessary();
    }
    await Promise.all(inHand);
    if (failure) throw (failure as { error: unknown }).error;
    const pending = uncommittedOffsets();
    if (pending.topics.length > 0) await commitOffsetsIfNecessary(pending);
  }

  private processRecord(
    wireTopic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    interrupted: () => boolean,
  ): Promise<Outcome> {
    const prepared = this.prepare(wireTopic, partition, message);
    return this.processPrepared(prepared, wireTopic, partition, message, { heartbeat }, interrupted);
  }

  /** Decodes and validates a record into the event its handler gets. */
  private prepare(wireTopic: string, partition: number, message: KafkaMessage): Prepared<T> {
    const topic = this.logicalTopic(wireTopic);
    const validation = this.decodeAndValidate(message.value, topic);
    if (!validation.ok) return { ok: false, reason: validation.reason };
    return {
      ok: true,
      event: {
        topic,
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: validation.value,
        headers: readEventHeaders(message.headers),
      },
    };
  }

  private async processPrepared(
    prepared: Prepared<T>,
    wireTopic: string,
    partition: number,
    message: KafkaMessage,
    { heartbeat }: Pick<EachBatchPayload, 'heartbeat'>,
    interrupted: () => boolean,
  ): Promise<Outcome> {
    const coordinates: Coordinates = { wireTopic, partition, message, headers: readEventHeaders(message.headers) };
    if (!prepared.ok) {
      await this.deadLetter(coordinates, `invalid payload: ${prepared.reason}`, 1);
      return 'done';
    }
    const event = prepared.event;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.options.handle(event);
        return 'done';
      } catch (error) {
        const kind = this.classify(error);
        const decision = decideFailure(kind, attempt, this.policy);
        if (decision.action === 'dead-letter') {
          await this.deadLetter(coordinates, `${kind} failure: ${describeFailure(error)}`, attempt);
          await this.options.onDeadLetter?.(event, error);
          return 'done';
        }
        const delayMs = Math.max(decision.delayMs, retryAfterOf(error));
        this.connection.logger.warn(
          {
            groupId: this.wireGroupId,
            topic: wireTopic,
            partition,
            offset: message.offset,
            attempt,
            kind,
            delayMs,
            error: describeFailure(error),
          },
          'Kafka handler failed, retrying',
        );
        if (!(await this.wait(delayMs, heartbeat, interrupted))) return 'interrupted';
      }
    }
  }

  private decodeAndValidate(value: Buffer | null, topic: TopicName): Validation<T> {
    let decoded: unknown = null;
    if (value !== null) {
      try {
        decoded = JSON.parse(value.toString('utf8'));
      } catch (error) {
        return { ok: false, reason: `not JSON (${describeFailure(error)})` };
      }
    }
    try {
      return this.options.validate(decoded, topic);
    } catch (error) {
      return { ok: false, reason: describeFailure(error) };
    }
  }

  private async deadLetter(record: Coordinates, reason: string, attempts: number): Promise<void> {
    const { wireTopic, partition, message, headers } = record;
    this.connection.logger.warn(
      { groupId: this.wireGroupId, topic: wireTopic, partition, offset: message.offset, reason },
      'Kafka record dead-lettered',
    );
    await this.connection.send([
      {
        topic: `${wireTopic}.dlq`,
        message: {
          key: message.key,
          value: message.value,
          headers: deadLetterHeaders(headers.all, {
            reason,
            consumerGroup: this.wireGroupId,
            topic: wireTopic,
            partition,
            offset: message.offset,
            attempts,
            failedAt: new Date(),
          }),
        },
      },
    ]);
  }

  /** Sleeps through a backoff while keeping the group session alive; false when stopped or rebalanced meanwhile. */
  private async wait(delayMs: number, heartbeat: () => Promise<void>, interrupted: () => boolean): Promise<boolean> {
    const until = Date.now() + delayMs;
    while (Date.now() < until) {
      if (interrupted()) return false;
      await sleep(Math.min(1000, until - Date.now()), this.stopSignal.signal);
      try {
        await heartbeat();
      } catch {
        return false;
      }
    }
    return !interrupted();
  }

  private logicalTopic(wireTopic: string): TopicName {
    const prefix = this.connection.config.KAFKA_TOPIC_PREFIX ?? '';
    return (wireTopic.startsWith(prefix) ? wireTopic.slice(prefix.length) : wireTopic) as TopicName;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
