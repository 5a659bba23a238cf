import { Admin, ITopicConfig } from 'kafkajs';
import { TopicSpec } from './topic-specs';

export interface ProvisioningOptions {
  readonly prefix?: string;
  readonly replicationFactor?: number;
  readonly minInsyncReplicas?: number;
}

export interface TopicPlan {
  readonly create: ITopicConfig[];
  /** Topics that exist with fewer partitions than configured: keys would land elsewhere than expected. */
  readonly tooFewPartitions: ReadonlyArray<{ topic: string; actual: number; expected: number }>;
}

export class TopicProvisioningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopicProvisioningError';
  }
}

/** What to create, given the partition count of every topic that already exists (by wire name). */
export function planTopics(
  specs: readonly TopicSpec[],
  existing: ReadonlyMap<string, number>,
  options: ProvisioningOptions = {},
): TopicPlan {
  const create: ITopicConfig[] = [];
  const tooFewPartitions: { topic: string; actual: number; expected: number }[] = [];
  for (const spec of specs) {
    const topic = `${options.prefix ?? ''}${spec.name}`;
    const actual = existing.get(topic);
    if (actual === undefined) {
      create.push({
        topic,
        numPartitions: spec.partitions,
        replicationFactor: options.replicationFactor ?? 1,
        configEntries: [
          { name: 'cleanup.policy', value: spec.cleanupPolicy },
          { name: 'retention.ms', value: String(spec.retentionMs) },
          { name: 'min.insync.replicas', value: String(options.minInsyncReplicas ?? 1) },
        ],
      });
    } else if (actual < spec.partitions) {
      tooFewPartitions.push({ topic, actual, expected: spec.partitions });
    }
  }
  return { create, tooFewPartitions };
}

/**
 * Creates the missing topics and leaves existing ones alone; safe to run from every replica at boot.
 * An existing topic with fewer partitions than configured stops the boot: using it silently would
 * cap parallelism and, once someone adds partitions, move keys between partitions mid-stream.
 */
export async function ensureTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  options: ProvisioningOptions = {},
): Promise<string[]> {
  const wanted = new Set(specs.map((spec) => `${options.prefix ?? ''}${spec.name}`));
  const listed = new Set(await admin.listTopics());
  const present = [...wanted].filter((topic) => listed.has(topic));
  const metadata = present.length > 0 ? await admin.fetchTopicMetadata({ topics: present }) : { topics: [] };
  const existing = new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));

  const plan = planTopics(specs, existing, options);
  if (plan.tooFewPartitions.length > 0) {
    const detail = plan.tooFewPartitions.map((t) => `${t.topic} has ${t.actual}, needs ${t.expected}`).join('; ');
    throw new TopicProvisioningError(
      `Kafka topics have fewer partitions than configured (${detail}): add partitions with kafka-topics --alter, or recreate them`,
    );
  }
  if (plan.create.length > 0) {
    // Another replica may create the same topics at the same moment; kafkajs treats "already exists" as done.
    await admin.createTopics({ topics: plan.create, waitForLeaders: false });
    await waitForLeaders(
      admin,
      plan.create.map((topic) => topic.topic),
    );
  }
  return plan.create.map((topic) => topic.topic);
}

/**
 * Waits until every partition of the topics has a leader. Under KRaft a broker may answer metadata
 * for a just-created topic with UNKNOWN_TOPIC_OR_PARTITION for a moment, which kafkajs' own wait
 * (it only retries LEADER_NOT_AVAILABLE) turns into a failure.
 */
export async function waitForLeaders(admin: Admin, topics: readonly string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const ready = metadata.topics.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (ready && metadata.topics.length === topics.length) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new TopicProvisioningError(`Kafka topics got no leaders within ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
