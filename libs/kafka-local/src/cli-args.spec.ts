import { parseKafkaCliArgs } from './cli-args';

describe('parseKafkaCliArgs', () => {
  it.each([
    [[], { port: 9092, dataDir: '.data/kafka', resolveOnly: false }],
    [['--port', '0'], { port: 0, dataDir: '.data/kafka', resolveOnly: false }],
    [['--port=19092', '--data-dir', '/tmp/k'], { port: 19092, dataDir: '/tmp/k', resolveOnly: false }],
    [['--data-dir=a=b'], { port: 9092, dataDir: 'a=b', resolveOnly: false }],
    [['--resolve-only'], { port: 9092, dataDir: '.data/kafka', resolveOnly: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseKafkaCliArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--port'], '--port needs a value'],
    [['--port', 'x'], '--port must be an integer'],
    [['--port', '70000'], '--port must be an integer'],
    [['--verbose'], 'unknown argument --verbose'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseKafkaCliArgs(argv)).toThrow(message);
  });
});
