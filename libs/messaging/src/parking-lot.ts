import type { EventEnvelope, NewEvent } from '@vl/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { ParseResult } from './inbox-consumer';

export interface MessageLocation {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string;
  readonly eventId: string | null;
}

export interface ParkedMessage {
  readonly id: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly eventId: string | null;
  readonly reason: string;
  readonly parkedAt: string;
}

export type Resolution =
  | { readonly ok: true; readonly released: number }
  | { readonly ok: false; readonly error: 'not-found' | 'not-first-of-key'; readonly message: string }
  | {
      readonly ok: false;
      readonly error: 'still-failing';
      readonly message: string;
      readonly released: number;
    };

export interface ParkingLotPorts {
  readonly parse: (value: string) => ParseResult;
  /** inbox insert plus the handler, inside the caller's transaction */
  readonly applyOnce: (tx: EntityManager, event: EventEnvelope, location: MessageLocation) => Promise<void>;
  /** appends an operational event (DeadLetterSkipped / DeadLetterRetried) to the service's own log */
  readonly record: (tx: EntityManager, event: NewEvent) => Promise<void>;
}

interface ParkedRow {
  id: string;
  topic: string;
  partition: number;
  message_offset: string;
  message_key: string | null;
  event_id: string | null;
  message_value: string;
  reason: string;
  parked_at: Date;
}

/**
 * Sequenced dead-letter: a poison message parks every later message of its key, so one voter's
 * events are never applied out of order, while other keys go on. Operators retry or skip.
 */
export class ParkingLot {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groupId: string,
    private readonly ports: ParkingLotPorts,
  ) {}

  /** Keys that have an open parked message, with the Kafka offset of the first one. */
  async openKeys(tx: EntityManager): Promise<Map<string, string>> {
    const rows: { message_key: string | null; message_offset: string }[] = await tx.query(
      `select distinct on (message_key) message_key, message_offset::text
         from parked_messages where consumer_group = $1 and status = 'parked' order by message_key, id`,
      [this.groupId],
    );
    return new Map(rows.map((row) => [row.message_key ?? '', row.message_offset]));
  }

  async lockKey(tx: EntityManager, key: string | null): Promise<void> {
    await tx.query('select pg_advisory_xact_lock(hashtext($1), hashtext($2))', [this.groupId, key ?? '']);
  }

  async park(tx: EntityManager, location: MessageLocation, reason: string): Promise<void> {
    await tx.query(
      `insert into parked_messages (consumer_group, topic, partition, message_offset, message_key, event_id, message_value, reason)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing`,
      [
        this.groupId,
        location.topic,
        location.partition,
        location.offset,
        location.key,
        location.eventId,
        location.value,
        reason,
      ],
    );
  }

  async list(): Promise<ParkedMessage[]> {
    const rows: ParkedRow[] = await this.dataSource.query(
      `select id::text, topic, partition, message_offset::text, message_key, event_id, message_value, reason, parked_at
         from parked_messages where consumer_group = $1 and status = 'parked' order by id`,
      [this.groupId],
    );
    return rows.map(toParkedMessage);
  }

  /** Applies the key's parked messages again, in order, stopping at the first that still fails. */
  retry(id: string, operator: string): Promise<Resolution> {
    return this.resolve(id, operator, null);
  }

  /** Gives up on the first parked message of a key (recorded, with the reason), then releases the rest. */
  skip(id: string, operator: string, reason: string): Promise<Resolution> {
    return this.resolve(id, operator, reason);
  }

  private resolve(id: string, operator: string, skipReason: string | null): Promise<Resolution> {
    return this.dataSource.transaction('READ COMMITTED', async (tx) => {
      const target = await this.row(tx, id);
      if (!target)
        return { ok: false, error: 'not-found', message: `no parked message ${id} in ${this.groupId}` };
      await this.lockKey(tx, target.message_key);
      const queue: ParkedRow[] = await tx.query(
        `select id::text, topic, partition, message_offset::text, message_key, event_id, message_value, reason, parked_at
           from parked_messages where consumer_group = $1 and status = 'parked' and message_key is not distinct from $2
          order by id for update`,
        [this.groupId, target.message_key],
      );
      if (queue[0]?.id !== id) {
        return {
          ok: false,
          error: 'not-first-of-key',
          message: `parked message ${id} waits behind ${queue[0]?.id}; resolve that one first`,
        };
      }
      const identity = {
        consumerGroup: this.groupId,
        topic: target.topic,
        partition: target.partition,
        offset: target.message_offset,
        eventId: target.event_id,
        key: target.message_key,
        operator,
      };
      if (skipReason !== null) {
        await this.mark(tx, id, 'skipped', operator);
        await this.ports.record(tx, {
          type: 'DeadLetterSkipped',
          payload: { ...identity, reason: skipReason },
        });
        queue.shift();
      } else {
        await this.ports.record(tx, { type: 'DeadLetterRetried', payload: identity });
      }
      let released = skipReason === null ? 0 : 1;
      for (const row of queue) {
        const failure = await this.applyParked(tx, row);
        if (failure) {
          await tx.query('update parked_messages set reason = $2 where id = $1', [row.id, failure]);
          return {
            ok: false,
            error: 'still-failing',
            message: `parked message ${row.id} still fails: ${failure}`,
            released,
          };
        }
        await this.mark(tx, row.id, 'retried', operator);
        released++;
      }
      return { ok: true, released };
    });
  }

  private async applyParked(tx: EntityManager, row: ParkedRow): Promise<string | undefined> {
    const parsed = this.ports.parse(row.message_value);
    if (!parsed.ok) return `invalid event: ${parsed.error}`;
    await tx.query('savepoint parked_event');
    try {
      await this.ports.applyOnce(tx, parsed.event, {
        topic: row.topic,
        partition: row.partition,
        offset: row.message_offset,
        key: row.message_key,
        value: row.message_value,
        eventId: row.event_id,
      });
      await tx.query('release savepoint parked_event');
      return undefined;
    } catch (error) {
      await tx.query('rollback to savepoint parked_event');
      return `handler failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async row(tx: EntityManager, id: string): Promise<ParkedRow | undefined> {
    if (!/^\d+$/.test(id)) return undefined;
    const rows: ParkedRow[] = await tx.query(
      `select id::text, topic, partition, message_offset::text, message_key, event_id, message_value, reason, parked_at
         from parked_messages where id = $1 and consumer_group = $2 and status = 'parked'`,
      [id, this.groupId],
    );
    return rows[0];
  }

  private async mark(tx: EntityManager, id: string, status: 'retried' | 'skipped', operator: string) {
    await tx.query(
      'update parked_messages set status = $2, resolved_at = now(), resolved_by = $3 where id = $1',
      [id, status, operator],
    );
  }
}

function toParkedMessage(row: ParkedRow): ParkedMessage {
  return {
    id: row.id,
    topic: row.topic,
    partition: row.partition,
    offset: row.message_offset,
    key: row.message_key,
    eventId: row.event_id,
    reason: row.reason,
    parkedAt: row.parked_at.toISOString(),
  };
}
