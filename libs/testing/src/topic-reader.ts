import { eventCatalog, type EventEnvelope } from '@vl/contracts';
import { ensureTopics } from '@vl/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import { testKafkaBrokers } from './test-database';

/** A message read from a topic: its Kafka key and its event as the contracts read it (checked, upcast). */
export interface TopicMessage {
  readonly key: string | null;
  readonly envelope: EventEnvelope<string, Readonly<Record<string, unknown>>>;
}

export interface ReadTopicOptions {
  /** which messages count (default: all of them) */
  readonly keep?: (message: TopicMessage) => boolean;
  /** how many kept messages to wait for, or when the kept ones are complete */
  readonly until: number | ((kept: readonly TopicMessage[]) => boolean);
  /** fails the read when `until` is not met in time; default 30 s */
  readonly timeoutMs?: number;
  /** keeps listening this long after `until` so that a duplicate would be read too; default 1.5 s */
  readonly settleMs?: number;
}

/** One key's messages keep their order; across keys Kafka promises none: sort by key, stably. */
export const byKey = (messages: readonly TopicMessage[]) =>
  [...messages].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));

/**
 * Reads a topic from the beginning in a consumer group of its own and returns the kept messages once `until` is
 * met (and the settle time has passed). Messages that break their contract are not kept and are named if the
 * read times out: other suites may have published deliberately bad ones on the same topic.
 */
export async function readTopic(topic: string, options: ReadTopicOptions): Promise<TopicMessage[]> {
  const { keep = () => true, until, timeoutMs = 30_000, settleMs = 1500 } = options;
  const complete =
    typeof until === 'number' ? (kept: readonly TopicMessage[]) => kept.length >= until : until;
  const kafka = new Kafka({
    clientId: 'topic-reader',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `topic-reader-${uuidv7()}` });
  const kept: TopicMessage[] = [];
  const broken: string[] = [];
  // the relay creates its topics on first publish; the reader may come first
  await ensureTopics(kafka, [topic]);
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let reached: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString('utf8') ?? null;
        const parsed = eventCatalog.parseForConsume(parseJson(message.value?.toString('utf8') ?? ''));
        if (!parsed.ok) {
          broken.push(`${key}: ${parsed.error.message}`);
          return;
        }
        const read = { key, envelope: parsed.value as TopicMessage['envelope'] };
        if (keep(read)) kept.push(read);
        if (complete(kept)) reached();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const skipped =
          broken.length > 0
            ? `; ${broken.length} broke their contract: ${broken.slice(0, 3).join('; ')}`
            : '';
        reject(
          new Error(`${topic}: ${kept.length} messages kept, not complete within ${timeoutMs} ms${skipped}`),
        );
      }, timeoutMs);
    });
    await Promise.race([enough, timedOut]).finally(() => clearTimeout(timer));
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return [...kept];
  } finally {
    await consumer.disconnect();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
