import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

/** A dependency did not answer: the message says which variable points where, in one line. */
export class DependencyUnavailable extends Error {
  override readonly name = 'DependencyUnavailable';
}

const redactUrl = (url: string) => url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');

export async function checkDatabase(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new DependencyUnavailable(
      `DATABASE_URL=${redactUrl(url)}: PostgreSQL did not answer: ${describe(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkKafka(brokers: readonly string[], timeoutMs = 5000): Promise<void> {
  const kafka = new Kafka({
    clientId: 'readiness-check',
    brokers: [...brokers],
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 500 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  try {
    await withTimeout(
      (async () => {
        await admin.connect();
        await admin.describeCluster();
      })(),
      timeoutMs,
    );
  } catch (error) {
    throw new DependencyUnavailable(
      `KAFKA_BROKERS=${brokers.join(',')}: no Kafka broker answered: ${describe(error)}`,
    );
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${code ? `${code} ` : ''}${error.message}${cause}`.replace(/\s+/g, ' ').trim();
}

async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
