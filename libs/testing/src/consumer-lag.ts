import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-database';

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
