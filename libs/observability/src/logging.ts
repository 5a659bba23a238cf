import pino, { Logger as PinoLogger, LoggerOptions } from 'pino';
import { REDACTED_PATHS, REDACTION_CENSOR } from './redaction';

export interface LoggingOptions {
  service: string;
  level: string;
}

/** JSON lines: a constant message plus fields, the service name on each line, secrets censored. */
export function pinoOptions(options: LoggingOptions): LoggerOptions {
  return {
    level: options.level,
    base: { service: options.service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
  };
}

export function createLogger(options: LoggingOptions): PinoLogger {
  return pino(pinoOptions(options));
}
