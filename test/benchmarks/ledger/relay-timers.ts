import { performance } from 'node:perf_hooks';
import { EventStore, type LogCursor, type StoredEvent } from '@vl/event-store';
import type { Kafka, Producer } from 'kafkajs';
import type { EntityManager } from 'typeorm';

/** The event store with readLog timed (a subclass: the library is used as it is). */
export class TimedStore extends EventStore {
  readLogMs = 0;
  override async readLog(after: LogCursor, limit: number, manager?: EntityManager): Promise<StoredEvent[]> {
    const start = performance.now();
    try {
      return await super.readLog(after, limit, manager);
    } finally {
      this.readLogMs += performance.now() - start;
    }
  }
}

/** A Kafka client whose producers time sendBatch. */
export function timedKafka(kafka: Kafka, sink: { sendMs: number }): Kafka {
  return Object.assign(Object.create(kafka) as Kafka, {
    producer: (config?: Parameters<Kafka['producer']>[0]) => {
      const producer = kafka.producer(config);
      return Object.assign(Object.create(producer) as Producer, {
        sendBatch: async (batch: Parameters<Producer['sendBatch']>[0]) => {
          const start = performance.now();
          try {
            return await producer.sendBatch(batch);
          } finally {
            sink.sendMs += performance.now() - start;
          }
        },
      });
    },
  });
}
