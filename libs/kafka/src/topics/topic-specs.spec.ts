import { Topics } from '@app/contracts';
import { planTopics } from './ensure-topics';
import { allTopicSpecs, DEAD_LETTER_SETTINGS, TOPIC_SETTINGS, topicSpecsFor } from './topic-specs';

describe('topicSpecsFor', () => {
  it('adds the dead-letter topic of every owned topic', () => {
    const sut = topicSpecsFor([Topics.messagingInbound]);
    expect(sut).toEqual([
      { name: 'messaging.inbound.v1', ...TOPIC_SETTINGS[Topics.messagingInbound] },
      { name: 'messaging.inbound.v1.dlq', ...DEAD_LETTER_SETTINGS },
    ]);
  });

  it('covers every topic of the registry', () => {
    const names = allTopicSpecs().map((spec) => spec.name);
    for (const topic of Object.values(Topics)) expect(names).toEqual(expect.arrayContaining([topic, `${topic}.dlq`]));
  });
});

describe('planTopics', () => {
  const specs = topicSpecsFor([Topics.outboundRequest]);

  it('creates missing topics under the prefix with replication and retention from configuration', () => {
    const sut = planTopics(specs, new Map(), { prefix: 'it.', replicationFactor: 3, minInsyncReplicas: 2 });
    expect(sut.tooFewPartitions).toEqual([]);
    expect(sut.create[0]).toEqual({
      topic: 'it.messaging.outbound.request.v1',
      numPartitions: 12,
      replicationFactor: 3,
      configEntries: [
        { name: 'cleanup.policy', value: 'delete' },
        { name: 'retention.ms', value: String(7 * 24 * 3600 * 1000) },
        { name: 'min.insync.replicas', value: '2' },
      ],
    });
    expect(sut.create.map((topic) => topic.topic)).toEqual([
      'it.messaging.outbound.request.v1',
      'it.messaging.outbound.request.v1.dlq',
    ]);
  });

  it.each([
    ['as many partitions', 12, 0],
    ['more partitions', 24, 0],
    ['fewer partitions', 4, 1],
  ])('with %s (%i) creates nothing and reports %i problems', (_label, actual, problems) => {
    const existing = new Map([
      ['messaging.outbound.request.v1', actual],
      ['messaging.outbound.request.v1.dlq', 3],
    ]);
    const sut = planTopics(specs, existing);
    expect(sut.create).toEqual([]);
    expect(sut.tooFewPartitions).toHaveLength(problems);
  });

  it('reports the topic, the actual and the expected count', () => {
    const sut = planTopics(specs, new Map([['messaging.outbound.request.v1', 4]]));
    expect(sut.tooFewPartitions).toEqual([{ topic: 'messaging.outbound.request.v1', actual: 4, expected: 12 }]);
    expect(sut.create.map((topic) => topic.topic)).toEqual(['messaging.outbound.request.v1.dlq']);
  });
});
