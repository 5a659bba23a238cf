import { clusterIdFromMetaProperties, newClusterId, renderProperties, serverProperties } from './server-properties';

describe('serverProperties', () => {
  const input = { host: '127.0.0.1', port: 9092, controllerPort: 9093, logDirs: '/data/kraft', tuning: 'dev' as const };

  it('describes one combined broker and controller on loopback', () => {
    const sut = serverProperties(input);
    expect(sut).toMatchObject({
      'process.roles': 'broker,controller',
      'controller.quorum.voters': '1@127.0.0.1:9093',
      listeners: 'PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:9092',
      'log.dirs': '/data/kraft',
    });
  });

  it.each([
    'offsets.topic.replication.factor',
    'transaction.state.log.replication.factor',
    'transaction.state.log.min.isr',
    'share.coordinator.state.topic.replication.factor',
    'min.insync.replicas',
  ])('sets %s to 1 for a single node', (key) => {
    expect(serverProperties(input)[key]).toBe('1');
  });

  it('leaves topic creation to the applications', () => {
    expect(serverProperties(input)['auto.create.topics.enable']).toBe('false');
  });

  it.each([
    ['test', '0'],
    ['dev', '3000'],
  ] as const)('with %s tuning waits %s ms before the first rebalance', (tuning, delay) => {
    expect(serverProperties({ ...input, tuning })['group.initial.rebalance.delay.ms']).toBe(delay);
  });

  it('lets a crashed node rejoin quickly', () => {
    expect(serverProperties(input)['broker.session.timeout.ms']).toBe('3000');
  });

  it('lets overrides win', () => {
    expect(serverProperties({ ...input, overrides: { 'min.insync.replicas': 2 } })['min.insync.replicas']).toBe('2');
  });
});

describe('renderProperties', () => {
  it('writes one key=value line per setting, escaping backslashes', () => {
    expect(renderProperties({ a: '1', 'log.dirs': 'C:\\kafka' })).toBe('a=1\nlog.dirs=C:\\\\kafka\n');
  });
});

describe('newClusterId', () => {
  it('is 22 base64url characters', () => {
    expect(newClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('never starts with a dash', () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 1)];
    const sut = newClusterId(() => draws.shift() ?? Buffer.alloc(16, 2));
    expect(sut.startsWith('-')).toBe(false);
    expect(sut).toBe(Buffer.alloc(16, 1).toString('base64url'));
  });
});

describe('clusterIdFromMetaProperties', () => {
  it('reads the id kafka-storage recorded', () => {
    expect(clusterIdFromMetaProperties('#x\nnode.id=1\ncluster.id=MkU3OEVBNTcwNTJENDM2Qk\n')).toBe(
      'MkU3OEVBNTcwNTJENDM2Qk',
    );
  });
});
