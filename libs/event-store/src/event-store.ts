import type { NewEvent } from '@vl/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EventContractViolation,
  EventIdReused,
  StreamVersionConflict,
  type ExpectedVersion,
} from './append-errors';
import {
  EVENT_COLUMNS,
  toStoredEvent,
  type EventRow,
  type LogCursor,
  type StoredEvent,
} from './stored-event';

/** Validates a payload for the producing service and says its schema version and Kafka key. */
export interface ProducerContracts {
  prepare(
    producer: string,
    event: NewEvent,
  ):
    | {
        readonly ok: true;
        readonly payload: unknown;
        readonly schemaVersion: number;
        readonly partitionKey: string;
      }
    | { readonly ok: false; readonly error: string };
}

export type PendingEvent = NewEvent & { readonly eventId?: string };

export interface AppendRequest {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly PendingEvent[];
}

export interface AppendContext {
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly occurredAt?: Date;
}

/** A service's PostgreSQL event store: the record of everything it decided (ARCHITECTURE invariant 1). */
export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: string,
    private readonly contracts: ProducerContracts,
  ) {}

  /** Appends to one or more streams atomically; a retried append with the same event ids is a no-op. */
  async append(
    requests: readonly AppendRequest[],
    context: AppendContext = {},
    manager?: EntityManager,
  ): Promise<StoredEvent[]> {
    const rows = this.prepareRows(requests, context);
    if (rows.length === 0) return [];
    const work = (tx: EntityManager) => this.insert(tx, requests, rows);
    return manager ? work(manager) : this.dataSource.transaction('READ COMMITTED', work);
  }

  async loadStream(streamId: string, manager?: EntityManager): Promise<StoredEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `select ${EVENT_COLUMNS} from events where stream_id = $1 order by stream_version`,
      [streamId],
    );
    return rows.map((row) => toStoredEvent(row, this.producer));
  }

  /**
   * The log in commit-safe order after a cursor. Only transactions older than the oldest one still
   * running are visible, so an event committing late is read later, never skipped.
   */
  async readLog(after: LogCursor, limit: number, manager?: EntityManager): Promise<StoredEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `select ${EVENT_COLUMNS} from events
        where (tx_id, position) > ($1::xid8, $2::bigint)
          and tx_id < pg_snapshot_xmin(pg_current_snapshot())
        order by tx_id, position
        limit $3`,
      [after.txId, after.position, limit],
    );
    return rows.map((row) => toStoredEvent(row, this.producer));
  }

  private prepareRows(requests: readonly AppendRequest[], context: AppendContext): PreparedRow[] {
    const now = new Date().toISOString();
    const occurredAt = context.occurredAt?.toISOString() ?? now;
    const correlationId = context.correlationId ?? uuidv7();
    return requests.flatMap((request, requestIndex) =>
      request.events.map((event) => {
        const prepared = this.contracts.prepare(this.producer, event);
        if (!prepared.ok) throw new EventContractViolation(prepared.error);
        return {
          requestIndex,
          eventId: event.eventId ?? uuidv7(),
          suppliedId: event.eventId !== undefined,
          streamId: request.streamId,
          streamVersion: 0,
          type: event.type,
          schemaVersion: prepared.schemaVersion,
          partitionKey: prepared.partitionKey,
          payload: JSON.stringify(prepared.payload),
          occurredAt,
          recordedAt: now,
          correlationId,
          causationId: context.causationId ?? null,
        };
      }),
    );
  }

  private async insert(tx: EntityManager, requests: readonly AppendRequest[], rows: PreparedRow[]) {
    const alreadyStored = await this.storedIds(
      tx,
      rows.filter((row) => row.suppliedId).map((row) => row.eventId),
    );
    const retried = new Set<number>();
    requests.forEach((request, index) => {
      const own = rows.filter((row) => row.requestIndex === index);
      const stored = own.filter((row) => alreadyStored.has(row.eventId)).length;
      if (stored > 0 && stored === own.length) retried.add(index);
      else if (stored > 0) throw new EventIdReused(request.streamId);
    });
    const fresh = rows.filter((row) => !retried.has(row.requestIndex));
    const current = await this.currentVersions(tx, [...new Set(fresh.map((row) => row.streamId))]);
    for (const [index, request] of requests.entries()) {
      if (retried.has(index)) continue;
      const actual = current.get(request.streamId) ?? 0;
      const expected = request.expectedVersion;
      if (expected !== 'any' && (expected === 'no-stream' ? actual !== 0 : actual !== expected)) {
        throw new StreamVersionConflict(request.streamId, expected, actual);
      }
      let version = actual;
      for (const row of fresh) if (row.requestIndex === index) row.streamVersion = ++version;
      current.set(request.streamId, version);
    }
    const inserted = fresh.length === 0 ? [] : await this.insertRows(tx, fresh);
    if (inserted.length < fresh.length) await this.raiseConflict(tx, requests, fresh, inserted);
    const retriedIds = rows.filter((row) => retried.has(row.requestIndex)).map((row) => row.eventId);
    const replayed: EventRow[] =
      retriedIds.length === 0
        ? []
        : await tx.query(`select ${EVENT_COLUMNS} from events where event_id = any($1::uuid[])`, [
            retriedIds,
          ]);
    const byId = new Map([...inserted, ...replayed].map((row) => [row.event_id, row]));
    return rows.flatMap((row) => {
      const stored = byId.get(row.eventId);
      return stored ? [toStoredEvent(stored, this.producer)] : [];
    });
  }

  private insertRows(tx: EntityManager, rows: readonly PreparedRow[]): Promise<EventRow[]> {
    const first = rows[0] as PreparedRow;
    return tx.query(
      `insert into events (event_id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at,
                           correlation_id, causation_id, partition_key, payload)
       select e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, $6, $7, $8, $9, e.partition_key, e.payload
         from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $10::text[], $11::jsonb[])
              as e(event_id, stream_id, stream_version, type, schema_version, partition_key, payload)
       on conflict do nothing
       returning ${EVENT_COLUMNS}`,
      [
        rows.map((row) => row.eventId),
        rows.map((row) => row.streamId),
        rows.map((row) => row.streamVersion),
        rows.map((row) => row.type),
        rows.map((row) => row.schemaVersion),
        first.occurredAt,
        first.recordedAt,
        first.correlationId,
        first.causationId,
        rows.map((row) => row.partitionKey),
        rows.map((row) => row.payload),
      ],
    );
  }

  // a concurrent writer took a version (or the same ids) between our read and our insert
  private async raiseConflict(
    tx: EntityManager,
    requests: readonly AppendRequest[],
    fresh: readonly PreparedRow[],
    inserted: readonly EventRow[],
  ): Promise<never> {
    const insertedIds = new Set(inserted.map((row) => row.event_id));
    const missing = fresh.find((row) => !insertedIds.has(row.eventId)) as PreparedRow;
    const request = requests[missing.requestIndex] as AppendRequest;
    const current = await this.currentVersions(tx, [request.streamId]);
    throw new StreamVersionConflict(
      request.streamId,
      request.expectedVersion,
      current.get(request.streamId) ?? 0,
    );
  }

  private async storedIds(tx: EntityManager, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { event_id: string }[] = await tx.query(
      'select event_id from events where event_id = any($1::uuid[])',
      [eventIds],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  private async currentVersions(
    tx: EntityManager,
    streamIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (streamIds.length === 0) return new Map();
    const rows: { stream_id: string; version: number }[] = await tx.query(
      `select stream_id, max(stream_version)::int as version from events where stream_id = any($1::text[]) group by stream_id`,
      [streamIds],
    );
    return new Map(rows.map((row) => [row.stream_id, row.version]));
  }
}

interface PreparedRow {
  readonly requestIndex: number;
  readonly eventId: string;
  readonly suppliedId: boolean;
  readonly streamId: string;
  streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly partitionKey: string;
  readonly payload: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}
