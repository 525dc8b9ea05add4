import type { EventStore, LogCursor, StoredEvent } from '@vl/event-store';
import { LOG_START } from '@vl/event-store';
import { CompressionTypes, Partitioners, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { encodeEventMessage } from './event-message';
import { ensureTopics } from './topics';

export interface RelayOptions {
  readonly name: string;
  readonly topicOf: (event: StoredEvent) => string;
  readonly batchSize?: number;
  readonly idleDelayMs?: number;
  /** after a batch smaller than batchSize, how long to let the log grow before reading it again */
  readonly lingerMs?: number;
  /** an upper bound on a batch's uncompressed size (payloads plus envelope overhead) */
  readonly maxBatchBytes?: number;
  /** test seam: runs after a batch is in Kafka and before its position is saved */
  readonly afterPublish?: (events: readonly StoredEvent[]) => Promise<void>;
}

/**
 * The event store is the outbox: publishes committed events to Kafka in log order with an idempotent
 * producer and acks=all, then saves its position. A crash in between re-sends (at-least-once).
 */
export class OutboxRelay {
  private producer: Producer | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly knownTopics = new Set<string>();
  private readonly maxBatchBytes: number;
  // the last read filled a batch: the log holds more right now
  private moreWaiting = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly kafka: Kafka,
    private readonly options: RelayOptions,
    private readonly logger?: Logger,
  ) {
    this.maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.running = undefined;
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  /** Publishes at most one batch; returns how many events it published. */
  async publishBatch(): Promise<number> {
    const cursor = await this.position();
    const read = await this.store.readLog(cursor, this.options.batchSize ?? DEFAULT_BATCH_SIZE);
    const events = capByBytes(read, this.maxBatchBytes);
    this.moreWaiting =
      events.length < read.length || read.length === (this.options.batchSize ?? DEFAULT_BATCH_SIZE);
    const last = events.at(-1);
    if (!last) return 0;
    const producer = await this.connectedProducer();
    const topicMessages = this.byTopic(events);
    const newTopics = topicMessages.map(({ topic }) => topic).filter((topic) => !this.knownTopics.has(topic));
    if (newTopics.length > 0) {
      await ensureTopics(this.kafka, newTopics);
      newTopics.forEach((topic) => this.knownTopics.add(topic));
    }
    await producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.GZIP });
    await this.options.afterPublish?.(events);
    await this.dataSource.query(
      `insert into relay_positions (relay, tx_id, position, published, updated_at) values ($1, $2, $3, $4, now())
       on conflict (relay) do update set tx_id = $2, position = $3, published = relay_positions.published + $4, updated_at = now()`,
      [this.options.name, last.cursor.txId, last.cursor.position, events.length],
    );
    return events.length;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        const published = await this.publishBatch();
        failures = 0;
        // a trickle of small batches costs a produce request, a fetch and a transaction downstream each
        if (published === 0) await sleep(this.options.idleDelayMs ?? 50);
        else if (!this.moreWaiting) await sleep(this.options.lingerMs ?? DEFAULT_LINGER_MS);
      } catch (error) {
        failures++;
        this.logger?.error({ err: error, failures }, 'outbox relay batch failed; it will be re-sent');
        await sleep(Math.min(5000, 100 * 2 ** failures));
      }
    }
  }

  private async position(): Promise<LogCursor> {
    const rows: { tx_id: string; position: string }[] = await this.dataSource.query(
      'select tx_id::text as tx_id, position::text as position from relay_positions where relay = $1',
      [this.options.name],
    );
    const row = rows[0];
    return row ? { txId: row.tx_id, position: row.position } : LOG_START;
  }

  // one topic's messages keep log order inside the batch, so per-key order holds
  private byTopic(events: readonly StoredEvent[]): TopicMessages[] {
    const topics = new Map<string, TopicMessages>();
    for (const event of events) {
      const topic = this.options.topicOf(event);
      const entry = topics.get(topic) ?? { topic, messages: [] };
      entry.messages.push(encodeEventMessage(event));
      topics.set(topic, entry);
    }
    return [...topics.values()];
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: true,
        // murmur2 by key, as Kafka's own clients partition: named, so kafkajs does not warn about its default
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}

const DEFAULT_BATCH_SIZE = 5000;
// like Kafka's own linger.ms: a little latency for batches that are fuller under load
const DEFAULT_LINGER_MS = 20;

// the broker refuses a record batch over message.max.bytes (1 MiB by default): stay well below, compressed
const DEFAULT_MAX_BATCH_BYTES = 4 * 1024 * 1024;

function capByBytes(events: StoredEvent[], maxBytes: number): StoredEvent[] {
  let bytes = 0;
  for (let i = 0; i < events.length; i++) {
    bytes += Buffer.byteLength(JSON.stringify((events[i] as StoredEvent).payload)) + 400;
    if (bytes > maxBytes && i > 0) return events.slice(0, i);
  }
  return events;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
