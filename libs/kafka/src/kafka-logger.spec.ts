import { logLevel } from 'kafkajs';
import { kafkaJsLogCreator, StructuredLogger } from './kafka-logger';

describe('kafkaJsLogCreator', () => {
  function recordingLogger() {
    const lines: { level: string; fields: object; message: string }[] = [];
    const at =
      (level: string) =>
      (fields: object, message: string): void => {
        lines.push({ level, fields, message });
      };
    const logger: StructuredLogger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
    return { lines, logger };
  }

  it.each([
    [logLevel.ERROR, 'error'],
    [logLevel.WARN, 'warn'],
    [logLevel.INFO, 'info'],
    [logLevel.DEBUG, 'debug'],
  ])('writes kafkajs level %s as %s with its fields, without its own timestamp', (level, expected) => {
    const { lines, logger } = recordingLogger();
    const sut = kafkaJsLogCreator(logger)(logLevel.DEBUG);
    sut({
      namespace: 'Connection',
      level,
      label: 'X',
      log: { message: 'Response Fetch', timestamp: 'now', logger: 'kafkajs', broker: 'b:9092' },
    });
    expect(lines).toEqual([
      {
        level: expected,
        fields: { component: 'kafkajs', namespace: 'Connection', broker: 'b:9092' },
        message: 'Response Fetch',
      },
    ]);
  });
});
