import type { Kafka } from 'kafkajs';

/** Creates topics that do not exist yet; production clusters provision them, dev and tests use this. */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  numPartitions = 6,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: -1 })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
