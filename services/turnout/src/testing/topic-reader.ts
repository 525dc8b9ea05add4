import { ensureTopics } from '@vl/messaging';
import { testKafkaBrokers } from '@vl/testing';
import { Kafka, logLevel } from 'kafkajs';

export interface ReadMessage {
  readonly key: string | null;
  readonly envelope: Record<string, unknown> & {
    readonly type: string;
    readonly payload: Record<string, unknown>;
  };
}

/** One voter's (one key's) messages keep their order; across keys Kafka promises none: sort by key, stably. */
export const byKey = (messages: readonly ReadMessage[]) =>
  [...messages].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));

/**
 * Reads a topic from the beginning under a fresh consumer group until `expected` matching messages arrived,
 * then keeps listening for `settleMs` so that a duplicate would be seen too.
 */
export async function readTopic(
  topic: string,
  matches: (message: ReadMessage) => boolean,
  expected: number,
  { timeoutMs = 30_000, settleMs = 1500 } = {},
): Promise<ReadMessage[]> {
  const kafka = new Kafka({
    clientId: 'topic-reader',
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({
    groupId: `topic-reader-${Date.now()}-${Math.random().toString(16).slice(2)}`,
  });
  const found: ReadMessage[] = [];
  // the relay creates its topics on first publish; the reader may come first
  await ensureTopics(kafka, [topic]);
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let reached: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const read = {
          key: message.key?.toString('utf8') ?? null,
          envelope: JSON.parse(message.value?.toString('utf8') ?? '{}') as ReadMessage['envelope'],
        };
        if (matches(read)) found.push(read);
        if (found.length >= expected) reached();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([enough, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    return found;
  } finally {
    await consumer.disconnect();
  }
}

/** True once the consumer group has committed every partition of these topics up to its end. */
export async function consumerCaughtUp(groupId: string, topics: readonly string[]): Promise<boolean> {
  const kafka = new Kafka({ clientId: 'lag-probe', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const mine = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const offset = mine.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
        if (BigInt(end.high) > 0n && BigInt(offset) < BigInt(end.high)) return false;
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}
