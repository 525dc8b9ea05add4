import { eventCatalog, type ElectionCalledPayload } from '@vl/contracts';
import { electionCalledPayload, envelopeFor } from '@vl/contracts/testing';
import { ensureTopics } from '@vl/messaging';
import { testKafkaBrokers } from '@vl/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';

export interface VoterRollEvent {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

/** Publishes voter-roll's events to its topics as voter-roll's relay would: contract-checked envelopes, keyed. */
export class VoterRollFeed {
  private constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
  ) {}

  static async connect(): Promise<VoterRollFeed> {
    const kafka = new Kafka({
      clientId: 'voter-roll-feed',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    return new VoterRollFeed(kafka, producer);
  }

  /** Envelopes in the given order (one voter's events stay in order), returned so a test can resend one. */
  async publish(...events: readonly VoterRollEvent[]): Promise<Record<string, unknown>[]> {
    const envelopes = events.map(({ type, payload }) => {
      const produced = eventCatalog.parseForProduce('voter-roll', { type, payload });
      if (!produced.ok) throw new Error(`test data breaks the contract: ${produced.error.message}`);
      return envelopeFor(type, produced.value.payload, {
        schemaVersion: produced.value.schemaVersion,
        partitionKey: produced.value.partitionKey,
        streamId: `test-${type}`,
      });
    });
    await this.send(envelopes);
    return envelopes;
  }

  /** Sends envelopes again, unchanged: Kafka's at-least-once delivery as a consumer sees it. */
  async send(envelopes: readonly Record<string, unknown>[]): Promise<void> {
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const envelope of envelopes) {
      const topic = eventCatalog.topicOf(String(envelope['type']), 'voter-roll');
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

/** A parliamentary election on 24 November 2030, 07:00–20:00 Asia/Bishkek, under a fresh id. */
export const electionOn2030_11_24 = (electionId: string): ElectionCalledPayload =>
  electionCalledPayload(electionId);

/** A precinct of Bishkek's Leninsky district, 1101-NNN. */
export const bishkekPrecinct = (precinctId: string) => ({
  precinctId,
  regionCode: '11',
  regionName: 'Bishkek city',
  districtCode: precinctId.slice(0, 4),
  districtName: 'Leninsky district',
  abroad: false,
  country: 'KG',
  address: `School No. ${precinctId.slice(5)}, Chui avenue`,
  timeZone: 'Asia/Bishkek',
});

/** A well-formed personal number: a woman born 15 March 1990, serial n. */
export const personalNumberOf = (serial: number, birth = '15031990') =>
  `2${birth}${String(serial).padStart(5, '0')}`;
