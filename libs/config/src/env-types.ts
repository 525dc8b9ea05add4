import { z } from 'zod';

/** Reusable environment variable types, each with a message saying what it expects. */
export const envPort = (fallback?: number) => {
  const port = z.coerce
    .number({ message: 'expected a TCP port number' })
    .int('expected a whole TCP port number')
    .min(1, 'expected a TCP port between 1 and 65535')
    .max(65535, 'expected a TCP port between 1 and 65535');
  return fallback === undefined ? port : port.default(fallback);
};

export const envPostgresUrl = z
  .string({ message: 'expected a PostgreSQL URL like postgres://user@127.0.0.1:5432/voting_ledger' })
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.pathname.length > 1;
    } catch {
      return false;
    }
  }, 'expected a PostgreSQL URL like postgres://user@127.0.0.1:5432/voting_ledger');

const hostPort = /^[A-Za-z0-9.-]+:\d{1,5}$/;
export const envBrokerList = z
  .string({ message: 'expected a comma-separated list of Kafka brokers like 127.0.0.1:9092' })
  .transform((value) => value.split(',').map((broker) => broker.trim()))
  .refine(
    (brokers) => brokers.length > 0 && brokers.every((broker) => hostPort.test(broker)),
    'expected a comma-separated list of Kafka brokers like 127.0.0.1:9092',
  );

export const envSqlIdentifier = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case SQL identifier (letters, digits, underscore)');

export const envLogLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'expected one of fatal, error, warn, info, debug, trace, silent',
  })
  .default('info');

export const envJson = z.string({ message: 'expected a JSON document' }).transform((value, ctx) => {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a JSON document' });
    return z.NEVER;
  }
});
