import { parseKafkaCliArgs } from './cli-args';

describe('parseKafkaCliArgs', () => {
  it.each([
    [[], { port: 9092, dataDir: '.data/kafka' }],
    [['--port', '0'], { port: 0, dataDir: '.data/kafka' }],
    [['--port=19092', '--data-dir', '/tmp/k'], { port: 19092, dataDir: '/tmp/k' }],
    [['--data-dir=a=b'], { port: 9092, dataDir: 'a=b' }],
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
