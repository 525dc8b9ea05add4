import type { Admin, Kafka } from 'kafkajs';

const LEADERS_TIMEOUT_MS = 30_000;

/**
 * Creates topics that do not exist yet and waits until each partition has a leader; production clusters provision
 * them, dev and tests use this. Several services may create the same topic at once: whoever loses the race waits
 * for the winner's topic instead of failing.
 */
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
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor: -1 })),
      });
    } catch (error) {
      if (!createdByAnother(error)) throw error;
    }
    await leadersElected(admin, missing);
  } finally {
    await admin.disconnect();
  }
}

function createdByAnother(error: unknown): boolean {
  const reasons = [error, ...((error as { errors?: unknown[] }).errors ?? [])];
  return reasons.some((reason) => (reason as { type?: string }).type === 'TOPIC_ALREADY_EXISTS');
}

async function leadersElected(admin: Admin, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const ready = described.every(
        (topic) =>
          topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (ready && described.length === topics.length) return;
    } catch (error) {
      // a topic another client just created may not be in this broker's metadata yet
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline)
      throw new Error(`no leader elected within ${LEADERS_TIMEOUT_MS} ms for ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
