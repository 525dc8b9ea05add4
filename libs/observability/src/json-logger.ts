import pino, { type Logger, type LoggerOptions } from 'pino';

// participation data is dangerous data: credentials and bodies never reach a log line
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.body'];

export function loggerOptions(service: string, level: string): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
}

/** A structured JSON logger for code that runs outside Nest's request scope. */
export function createJsonLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino(loggerOptions(service, level));
}
