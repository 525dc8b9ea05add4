import { eventCatalog, type ServiceName } from '@vl/contracts';
import { envelopeFor } from '@vl/contracts/testing';
import { ensureTopics } from '@vl/messaging';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { testKafkaBrokers } from './test-database';

export interface FedEvent {
  readonly type: string;
  readonly payload: Record<string, unknown>;
  /** the envelope's event id, when the test needs to know it (or to send it twice) */
  readonly eventId?: string;
}

/**
 * Publishes another service's events to its topics as that service's relay would: contract-checked envelopes,
 * keyed by their contract's partition key, so a service under test consumes them as in production.
 */
export class EventFeed {
  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
  ) {}

  static async connect(): Promise<EventFeed> {
    const kafka = new Kafka({
      clientId: 'event-feed',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return new EventFeed(kafka, producer);
  }

  /** Envelopes in the given order (one key's events stay in order), returned so a test can resend one. */
  async publish(owner: ServiceName, ...events: readonly FedEvent[]): Promise<Record<string, unknown>[]> {
    const envelopes = events.map(({ type, payload, eventId }) => {
      const produced = eventCatalog.parseForProduce(owner, { type, payload });
      if (!produced.ok) throw new Error(`test data breaks the contract: ${produced.error.message}`);
      return envelopeFor(type, produced.value.payload, {
        partitionKey: produced.value.partitionKey,
        schemaVersion: eventCatalog.currentVersion(type),
        producer: owner,
        streamId: `test-${type}`,
        ...(eventId ? { eventId } : {}),
      });
    });
    await this.send(owner, envelopes);
    return envelopes;
  }

  /** Sends envelopes again, unchanged: Kafka's at-least-once delivery as a consumer sees it. */
  async send(owner: ServiceName, envelopes: readonly Record<string, unknown>[]): Promise<void> {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const envelope of envelopes) {
      const topic = eventCatalog.topicOf(String(envelope['type']), owner);
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: String(envelope['partitionKey']), value: JSON.stringify(envelope) });
      byTopic.set(topic, messages);
    }
    await ensureTopics(this.kafka, [...byTopic.keys()]);
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
