import type { Kafka } from 'kafkajs';
import { onCleanup } from './cleanup';

/** The topics one run creates, deleted together at the run's end (or on Ctrl-C). */
export function runTopics(
  kafka: Kafka,
  run: number,
): { topics: string[]; deleteTopics: () => Promise<void> } {
  const topics: string[] = [];
  const deleteTopics = onCleanup(`topics of run ${run}`, async () => {
    if (topics.length === 0) return;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics, timeout: 30_000 });
    } finally {
      await admin.disconnect();
    }
  });
  return { topics, deleteTopics };
}
