import type { EventEnvelope } from '@vl/contracts';
import type { Kafka } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';

/**
 * Reads a topic (call it once the relay has published) from the beginning in a consumer group of its own, keeping the events `keep` accepts,
 * until `done` says it has them all (or the time is up, which fails the test).
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  keep: (event: EventEnvelope) => boolean,
  done: (events: readonly EventEnvelope[]) => boolean,
  timeoutMs = 30_000,
): Promise<EventEnvelope[]> {
  const consumer = kafka.consumer({ groupId: `voter-roll-test-${uuidv7()}` });
  const events: EventEnvelope[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString('utf8') ?? '{}') as EventEnvelope;
        if (keep(event)) events.push(event);
        if (done(events)) finish();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${topic}: expected events not read within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    await Promise.race([finished, timedOut]).finally(() => clearTimeout(timer));
    return events;
  } finally {
    await consumer.disconnect();
  }
}
