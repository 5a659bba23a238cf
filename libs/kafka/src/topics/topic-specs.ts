import { deadLetterTopic, TopicName, Topics } from '@app/contracts';

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

export interface TopicSettings {
  readonly partitions: number;
  /** How long records are kept; -1 keeps them forever. */
  readonly retentionMs: number;
  readonly cleanupPolicy: CleanupPolicy;
}

/** A topic as provisioned: registry name (without prefix) and its settings. */
export interface TopicSpec extends TopicSettings {
  readonly name: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Partitions bound the parallelism of each consumer group (one consumer per partition at most), and
 * can grow later but never shrink without reordering keys, so messaging topics start with room to scale.
 * Retention is short where records carry people's messages (privacy), longer for the erasure trail.
 */
export const TOPIC_SETTINGS: Readonly<Record<TopicName, TopicSettings>> = {
  [Topics.webhookReceived]: { partitions: 12, retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete' },
  [Topics.messagingInbound]: { partitions: 12, retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete' },
  [Topics.metaCallbackReceived]: { partitions: 3, retentionMs: 30 * DAY_MS, cleanupPolicy: 'delete' },
  [Topics.outboundRequest]: { partitions: 12, retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete' },
  [Topics.outboundStatus]: { partitions: 12, retentionMs: 7 * DAY_MS, cleanupPolicy: 'delete' },
  // Keyed by account: compaction keeps the latest connection state of every Page for late joiners.
  [Topics.tokensConnection]: { partitions: 3, retentionMs: -1, cleanupPolicy: 'compact' },
  [Topics.complianceDecision]: { partitions: 6, retentionMs: 30 * DAY_MS, cleanupPolicy: 'delete' },
  [Topics.privacyErasure]: { partitions: 3, retentionMs: 90 * DAY_MS, cleanupPolicy: 'delete' },
  [Topics.privacyErasureProgress]: { partitions: 3, retentionMs: 90 * DAY_MS, cleanupPolicy: 'delete' },
};

/** Dead letters wait for a person: long retention, few partitions, order irrelevant. */
export const DEAD_LETTER_SETTINGS: TopicSettings = { partitions: 3, retentionMs: 30 * DAY_MS, cleanupPolicy: 'delete' };

/** The specs an owning app provisions: each topic with its dead-letter topic. */
export function topicSpecsFor(topics: readonly TopicName[]): TopicSpec[] {
  return topics.flatMap((topic) => [
    { name: topic, ...TOPIC_SETTINGS[topic] },
    { name: deadLetterTopic(topic), ...DEAD_LETTER_SETTINGS },
  ]);
}

/** Every topic Parley uses, dead letters included. */
export function allTopicSpecs(): TopicSpec[] {
  return topicSpecsFor(Object.values(Topics));
}
