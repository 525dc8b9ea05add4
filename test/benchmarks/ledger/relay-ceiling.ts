import { performance } from 'node:perf_hooks';
import { LOG_START, type EventStore, type LogCursor, type StoredEvent } from '@vl/event-store';
import { encodeEventMessage } from '@vl/messaging';
import { CompressionTypes, type Kafka, type Message } from 'kafkajs';
import { chunks } from './bench-rows';
import { onCleanup } from './cleanup';

/** The relay ceiling: a plain idempotent kafkajs producer sending the same messages; seconds for all. */
export async function rawSend(
  kafka: Kafka,
  topic: string,
  messages: readonly Message[],
  batchSize: number,
): Promise<number> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const disconnect = onCleanup('raw producer', () => producer.disconnect());
  const start = performance.now();
  try {
    for (const batch of chunks(messages, batchSize)) {
      await producer.sendBatch({
        topicMessages: [{ topic, messages: batch }],
        acks: -1,
        compression: CompressionTypes.None,
      });
    }
    return (performance.now() - start) / 1000;
  } finally {
    await disconnect();
  }
}

/** Topics like ensureTopics' (6 partitions) that accept 16 MiB record batches. */
export async function createLargeMessageTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: topics.map((topic) => ({
        topic,
        numPartitions: 6,
        replicationFactor: -1,
        configEntries: [{ name: 'max.message.bytes', value: String(16 * 2 ** 20) }],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** The whole log as the relay would encode it, page by page (the raw producer's input). */
export async function encodedLog(store: EventStore): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor: LogCursor = LOG_START;
  for (;;) {
    const page = await store.readLog(cursor, 20_000);
    if (page.length === 0) break;
    for (const event of page) messages.push(encodeEventMessage(event));
    cursor = (page.at(-1) as StoredEvent).cursor;
  }
  return messages;
}
