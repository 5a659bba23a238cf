import { Topics } from '@app/contracts';
import { PartitionMetadata, Partitioners } from 'kafkajs';
import { pageIdsOnDistinctPartitions } from './bench-pages';

const twelvePartitions = Array.from({ length: 12 }, (_, partitionId): PartitionMetadata => ({
  partitionErrorCode: 0,
  partitionId,
  leader: 1,
  replicas: [1],
  isr: [1],
}));

describe('pageIdsOnDistinctPartitions', () => {
  it('gives Page ids that the producer puts on as many different partitions', () => {
    const sut = pageIdsOnDistinctPartitions(8);
    const partitionOf = Partitioners.DefaultPartitioner();
    const partitions = sut.map((id) =>
      partitionOf({
        topic: Topics.outboundRequest,
        partitionMetadata: twelvePartitions,
        message: { key: id, value: null },
      }),
    );
    expect(sut).toHaveLength(8);
    expect(new Set(partitions).size).toBe(8);
    for (const id of sut) expect(id).toMatch(/^\d{15}$/);
  });

  it('refuses more Pages than partitions', () => {
    expect(() => pageIdsOnDistinctPartitions(13)).toThrow('at most 12 Pages');
  });
});
