import { logLevel } from 'kafkajs';
import { kafkaClientOptions, physicalTopic } from './kafka-client-options';
import { kafkaConfigFrom } from './kafka.config';

describe('kafkaConfigFrom', () => {
  it('accepts a plain local setup', () => {
    const sut = kafkaConfigFrom({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(sut).toMatchObject({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(sut.KAFKA_SSL).toBeUndefined();
  });

  it('reads a production cluster with SASL over TLS', () => {
    const sut = kafkaConfigFrom({
      KAFKA_BROKERS: ' b-1.example:9096 , b-2.example:9096 ',
      KAFKA_SSL: 'true',
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'parley',
      KAFKA_SASL_PASSWORD: 'secret',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      KAFKA_TOPIC_PREFIX: 'prod.',
    });
    expect(sut).toMatchObject({
      KAFKA_BROKERS: 'b-1.example:9096,b-2.example:9096',
      KAFKA_SSL: true,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_REPLICATION_FACTOR: 3,
      KAFKA_MIN_INSYNC_REPLICAS: 2,
    });
  });

  it.each([
    [{}, 'KAFKA_BROKERS'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_SASL_MECHANISM: 'gssapi' }, 'KAFKA_SASL_MECHANISM'],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_SASL_MECHANISM: 'plain' }, 'KAFKA_SASL_USERNAME is required'],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_SSL: 'maybe' }, 'KAFKA_SSL'],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_REPLICATION_FACTOR: '0' }, 'KAFKA_REPLICATION_FACTOR'],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_MIN_INSYNC_REPLICAS: '2' }, 'must not exceed KAFKA_REPLICATION_FACTOR'],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_TOPIC_PREFIX: 'a b' }, 'KAFKA_TOPIC_PREFIX'],
  ])('rejects %j naming the variable', (variables, message) => {
    expect(() => kafkaConfigFrom(variables)).toThrow(message);
  });
});

describe('kafkaClientOptions', () => {
  const logger = () => () => undefined;

  it('splits brokers and leaves TLS and SASL off by default', () => {
    const sut = kafkaClientOptions(kafkaConfigFrom({ KAFKA_BROKERS: 'a:1,b:2' }), 'parley-gateway', logger);
    expect(sut).toMatchObject({ brokers: ['a:1', 'b:2'], clientId: 'parley-gateway', ssl: false, sasl: undefined });
  });

  it('passes SASL credentials and TLS through', () => {
    const config = kafkaConfigFrom({
      KAFKA_BROKERS: 'a:1',
      KAFKA_CLIENT_ID: 'custom',
      KAFKA_SSL: '1',
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'u',
      KAFKA_SASL_PASSWORD: 'p',
    });
    const sut = kafkaClientOptions(config, 'parley-gateway', logger);
    expect(sut).toMatchObject({
      clientId: 'custom',
      ssl: true,
      sasl: { mechanism: 'plain', username: 'u', password: 'p' },
    });
    expect(sut.logLevel ?? logLevel.INFO).toBe(logLevel.INFO);
  });
});

describe('physicalTopic', () => {
  it.each([
    [undefined, 'messaging.inbound.v1'],
    ['it-42.', 'it-42.messaging.inbound.v1'],
  ])('with prefix %j names %s', (prefix, expected) => {
    expect(physicalTopic({ KAFKA_TOPIC_PREFIX: prefix }, 'messaging.inbound.v1')).toBe(expected);
  });
});
