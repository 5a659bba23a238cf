import { Topics } from '@app/contracts';
import { TOPIC_SETTINGS } from '@app/kafka';
import { PartitionMetadata, Partitioners } from 'kafkajs';

/**
 * `count` Page ids whose requests land on different partitions of the request topic (as Parley's producer
 * places them), so the benchmark gives outbound's workers as many Pages at once as many Pages would.
 */
export function pageIdsOnDistinctPartitions(count: number): string[] {
  const partitions = TOPIC_SETTINGS[Topics.outboundRequest].partitions;
  if (count > partitions) throw new Error(`at most ${partitions} Pages can have a partition each`);
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId): PartitionMetadata => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 1,
    replicas: [1],
    isr: [1],
  }));
  const partitionOf = Partitioners.DefaultPartitioner();
  const taken = new Set<number>();
  const ids: string[] = [];
  for (let candidate = 1; ids.length < count; candidate++) {
    const id = String(200_000_000_000_000 + candidate);
    const partition = partitionOf({
      topic: Topics.outboundRequest,
      partitionMetadata,
      message: { key: id, value: null },
    });
    if (taken.has(partition)) continue;
    taken.add(partition);
    ids.push(id);
  }
  return ids;
}
