import { eventCatalog, type ServiceName } from '@vl/contracts';
import { envelopeFor } from '@vl/contracts/testing';
import { ensureTopics } from '@vl/messaging';
import { Kafka, logLevel, type Producer } from 'kafkajs';

export interface PublishedEvent {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

/**
 * Another service's events on its topics, as its relay would publish them (contract-checked envelopes keyed by
 * the contract's partition key), in batches of any size: the benchmarks' producer.
 */
export class EventPublisher {
  private constructor(
    readonly kafka: Kafka,
    private readonly producer: Producer,
  ) {}

  static async connect(brokers: string): Promise<EventPublisher> {
    const kafka = new Kafka({
      clientId: 'bench-publisher',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return new EventPublisher(kafka, producer);
  }

  async publish(owner: ServiceName, events: readonly PublishedEvent[]): Promise<void> {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const { type, payload } of events) {
      const produced = eventCatalog.parseForProduce(owner, { type, payload });
      if (!produced.ok)
        throw new Error(`bench data breaks the contract of ${type}: ${produced.error.message}`);
      const envelope = envelopeFor(type, produced.value.payload, {
        partitionKey: produced.value.partitionKey,
        schemaVersion: eventCatalog.currentVersion(type),
        producer: owner,
        streamId: `bench-${type}`,
      });
      const messages = byTopic.get(produced.value.topic) ?? [];
      messages.push({ key: produced.value.partitionKey, value: JSON.stringify(envelope) });
      byTopic.set(produced.value.topic, messages);
    }
    await ensureTopics(this.kafka, [...byTopic.keys()]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /** A new consumer group starts at the topics' current ends, so that it reads only what is published next. */
  async startGroupAtEnd(groupId: string, topics: readonly string[]): Promise<void> {
    await ensureTopics(this.kafka, topics);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      for (const topic of topics) {
        const ends = await withRetries(() => admin.fetchTopicOffsets(topic));
        await admin.setOffsets({
          groupId,
          topic,
          partitions: ends.map(({ partition, offset }) => ({ partition, offset })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}

// a topic created a moment ago may not have its leader in this client's metadata yet
async function withRetries<T>(attempt: () => Promise<T>, attempts = 20): Promise<T> {
  for (let left = attempts; ; left--) {
    try {
      return await attempt();
    } catch (error) {
      if (left <= 1) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
