import type { EventEnvelope, NewEvent } from '@vl/contracts';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventHandlers } from './event-handlers';
import { ParkingLot, type MessageLocation } from './parking-lot';
import { ensureTopics } from './topics';

export type ParseResult =
  { readonly ok: true; readonly event: EventEnvelope } | { readonly ok: false; readonly error: string };

export interface InboxConsumerOptions {
  readonly groupId: string;
  /** the handlers, per contract; a type with none is consumed and ignored */
  readonly handlers: EventHandlers;
  /** default: the topics of the contracts handled */
  readonly topics?: readonly string[];
  readonly parse: (value: string) => ParseResult;
  readonly maxAttempts?: number;
  /** appends an operational event to the service's own log (operator skips and retries) */
  readonly record: (tx: EntityManager, event: NewEvent) => Promise<void>;
}

/**
 * Exactly-once effects over at-least-once delivery: each batch runs in one transaction that also
 * records the processed event ids; Kafka offsets are committed only after that transaction commits.
 */
export class InboxConsumer {
  private consumer: Consumer | undefined;
  readonly parking: ParkingLot;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: InboxConsumerOptions,
    private readonly logger?: Logger,
  ) {
    this.parking = new ParkingLot(dataSource, options.groupId, {
      parse: options.parse,
      applyOnce: (tx, event, location) => this.applyOnce(tx, event, location),
      record: options.record,
    });
  }

  get groupId(): string {
    return this.options.groupId;
  }

  private get topics(): readonly string[] {
    return this.options.topics ?? this.options.handlers.topics;
  }

  async start(): Promise<void> {
    // a consumer may start before the producing service ever published
    await ensureTopics(this.kafka, this.topics);
    const consumer = this.kafka.consumer({ groupId: this.options.groupId });
    await consumer.connect();
    for (const topic of this.topics) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (batch) => {
        try {
          await this.onBatch(batch);
        } catch (error) {
          // kafkajs retries the batch from its first uncommitted offset; nothing was committed
          this.logger?.error(
            { err: error, topic: batch.batch.topic, partition: batch.batch.partition },
            'batch failed',
          );
          throw error;
        }
      },
    });
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async onBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    if (!isRunning() || isStale() || batch.messages.length === 0) return;
    const applied = await this.applyWholeBatch(batch.topic, batch.partition, batch.messages).catch(
      (error: unknown) => {
        // the slow path finds the message to park; the reason it was needed must not go unseen
        this.logger?.warn(
          { err: error, topic: batch.topic, partition: batch.partition, messages: batch.messages.length },
          'batch failed as a whole: applying it message by message',
        );
        return false;
      },
    );
    if (!applied) {
      // something in the batch is parked, invalid or failing: go message by message to find and park it
      await this.dataSource.transaction('READ COMMITTED', async (tx) => {
        const parkedKeys = await this.parking.openKeys(tx);
        for (const message of batch.messages) {
          await this.handleMessage(tx, parkedKeys, batch.topic, batch.partition, message);
        }
      });
    }
    const last = batch.messages.at(-1) as KafkaMessage;
    const next = (BigInt(last.offset) + 1n).toString();
    await this.consumer?.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
    resolveOffset(last.offset);
    await heartbeat();
  }

  /**
   * The common case in one transaction and two statements per batch plus the handlers' own work:
   * every message valid, no key parked, every handler succeeding. Anything else returns false.
   */
  private async applyWholeBatch(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<boolean> {
    const events: EventEnvelope[] = [];
    for (const message of messages) {
      const parsed = this.options.parse(message.value?.toString('utf8') ?? '');
      if (!parsed.ok) return false;
      events.push(parsed.event);
    }
    // READ COMMITTED: the connections' default (one round trip fewer than naming it per transaction)
    return this.dataSource.transaction(async (tx) => {
      const parkedKeys = await this.parking.openKeys(tx);
      if (messages.some((message) => parkedKeys.has(message.key?.toString('utf8') ?? ''))) return false;
      const fresh: { event_id: string }[] = await tx.query(
        `insert into inbox (consumer_group, event_id, topic, partition, message_offset)
         select $1, e.event_id, $2, $3, e.message_offset from unnest($4::uuid[], $5::bigint[]) as e(event_id, message_offset)
         on conflict do nothing returning event_id`,
        [
          this.options.groupId,
          topic,
          partition,
          events.map((event) => event.eventId),
          messages.map((message) => message.offset),
        ],
      );
      const isFresh = new Set(fresh.map((row) => row.event_id));
      // a redelivered event is in the inbox already: its effects happened once
      const toApply = events.filter((event) => isFresh.delete(event.eventId));
      await this.applyInOrder(toApply, tx);
      return true;
    });
  }

  // consecutive events of a type with a batch handler go together; log order is kept throughout
  private async applyInOrder(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    let run: EventEnvelope[] = [];
    const flush = async () => {
      const first = run[0];
      if (first) await this.options.handlers.batchHandlerOf(first.type)?.(run, tx);
      run = [];
    };
    for (const event of events) {
      if (this.options.handlers.batchHandlerOf(event.type)) {
        if (run[0] && run[0].type !== event.type) await flush();
        run.push(event);
        continue;
      }
      await flush();
      await this.options.handlers.handlerOf(event.type)?.(event, tx);
    }
    await flush();
  }

  private async handleMessage(
    tx: EntityManager,
    parkedKeys: Map<string, string>,
    topic: string,
    partition: number,
    message: KafkaMessage,
  ) {
    const value = message.value?.toString('utf8') ?? '';
    const key = message.key?.toString('utf8') ?? null;
    const parsed = this.options.parse(value);
    const location: MessageLocation = {
      topic,
      partition,
      offset: message.offset,
      key,
      value,
      eventId: parsed.ok ? parsed.event.eventId : null,
    };
    const park = async (reason: string) => {
      await this.parking.lockKey(tx, key);
      await this.parking.park(tx, location, reason);
      parkedKeys.set(key ?? '', parkedKeys.get(key ?? '') ?? message.offset);
      this.logger?.warn({ topic, partition, offset: message.offset, reason }, 'parked a message');
    };
    const blocker = parkedKeys.get(key ?? '');
    if (blocker !== undefined)
      return park(`waiting behind the parked message at offset ${blocker} of the same key`);
    if (!parsed.ok) return park(`invalid event: ${parsed.error}`);
    const failure = await this.applyWithRetries(tx, parsed.event, location);
    if (failure) return park(`handler failed: ${failure}`);
  }

  // each attempt runs in a savepoint so a failed handler leaves nothing behind
  private async applyWithRetries(
    tx: EntityManager,
    event: EventEnvelope,
    location: MessageLocation,
  ): Promise<string | undefined> {
    const attempts = this.options.maxAttempts ?? 3;
    let failure = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await tx.query('savepoint inbox_event');
      try {
        await this.applyOnce(tx, event, location);
        await tx.query('release savepoint inbox_event');
        return undefined;
      } catch (error) {
        await tx.query('rollback to savepoint inbox_event');
        failure = error instanceof Error ? error.message : String(error);
      }
    }
    return failure;
  }

  /** The inbox makes a redelivered event a no-op: its id is recorded with its effects, once. */
  private async applyOnce(tx: EntityManager, event: EventEnvelope, location: MessageLocation): Promise<void> {
    const fresh: unknown[] = await tx.query(
      `insert into inbox (consumer_group, event_id, topic, partition, message_offset)
       values ($1, $2, $3, $4, $5) on conflict do nothing returning event_id`,
      [this.options.groupId, event.eventId, location.topic, location.partition, location.offset],
    );
    const handler = this.options.handlers.handlerOf(event.type);
    if (fresh.length > 0 && handler) await handler(event, tx);
  }
}
