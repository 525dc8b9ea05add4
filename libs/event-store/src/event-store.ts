import type { LedgerEvent, NewEvent } from '@vl/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EventContractViolation,
  EventIdReused,
  StreamVersionConflict,
  type ExpectedVersion,
} from './append-errors';
import { StoredEventUnreadable } from './stored-event-unreadable';
import { classifyDatabaseError, databaseErrorDetail } from './database-errors';
import {
  EVENT_COLUMNS,
  toStoredEvent,
  type EventRow,
  type LogCursor,
  type StoredEvent,
} from './stored-event';

/** The contracts a store checks events against: on the way in (append) and on the way out (loadStream). */
export interface EventContracts {
  /** Validates a payload for the producing service and says its schema version and Kafka key. */
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
  /** Parses a stored event's payload at the version it was written in and upcasts it to the current one. */
  read(
    event: StoredEvent,
  ): { readonly ok: true; readonly event: LoadedEvent } | { readonly ok: false; readonly error: string };
}

/** An event loaded from its stream: typed by its contract, its payload parsed and upcast to the current version. */
export type LoadedEvent = LedgerEvent & { readonly cursor: LogCursor };

export type PendingEvent = NewEvent & { readonly eventId?: string };

export interface AppendRequest {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly PendingEvent[];
  /** the message this stream's events answer, when one append carries several messages' effects (a consumed batch) */
  readonly causationId?: string;
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
    private readonly contracts: EventContracts,
  ) {}

  /** Appends to one or more streams atomically; a retried append with the same event ids is a no-op. */
  async append(
    requests: readonly AppendRequest[],
    context: AppendContext = {},
    manager?: EntityManager,
  ): Promise<StoredEvent[]> {
    const rows = this.prepareRows(requests, context);
    if (rows.every((own) => own.length === 0)) return [];
    const work = (tx: EntityManager) => this.insert(tx, requests, rows);
    // READ COMMITTED: the connections' default (one round trip fewer than naming it per transaction)
    return manager ? work(manager) : this.dataSource.transaction(work);
  }

  /** A stream's events in order, each read through its contract; one that breaks it throws, naming it. */
  async loadStream(streamId: string, manager?: EntityManager): Promise<LoadedEvent[]> {
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `select ${EVENT_COLUMNS} from events where stream_id = $1 order by stream_version`,
      [streamId],
    );
    return rows.map((row) => this.read(toStoredEvent(row, this.producer)));
  }

  /** Many streams at once, each in order (a page of small streams decided together); a missing stream is empty. */
  async loadStreams(
    streamIds: readonly string[],
    manager?: EntityManager,
  ): Promise<Map<string, LoadedEvent[]>> {
    const streams = new Map<string, LoadedEvent[]>(streamIds.map((id) => [id, []]));
    if (streamIds.length === 0) return streams;
    const rows: EventRow[] = await (manager ?? this.dataSource).query(
      `select ${EVENT_COLUMNS} from events where stream_id = any($1::text[]) order by stream_id, stream_version`,
      [streamIds],
    );
    for (const row of rows) {
      const event = this.read(toStoredEvent(row, this.producer));
      streams.get(event.streamId)?.push(event);
    }
    return streams;
  }

  /** One event as stored, read through its contract (for callers that select a stream's rows themselves). */
  read(event: StoredEvent): LoadedEvent {
    const read = this.contracts.read(event);
    if (!read.ok) throw new StoredEventUnreadable(event, read.error);
    return read.event;
  }

  /**
   * The log in commit-safe order after a cursor, as stored: the relay publishes the bytes and consumers parse them. Only transactions older than the oldest one still
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

  private prepareRows(requests: readonly AppendRequest[], context: AppendContext): PreparedRow[][] {
    const now = new Date().toISOString();
    const occurredAt = context.occurredAt?.toISOString() ?? now;
    const correlationId = context.correlationId ?? uuidv7();
    return requests.map((request, requestIndex) =>
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
          payload: prepared.payload,
          occurredAt,
          recordedAt: now,
          correlationId,
          causationId: request.causationId ?? context.causationId ?? null,
        };
      }),
    );
  }

  private async insert(
    tx: EntityManager,
    requests: readonly AppendRequest[],
    rowsByRequest: PreparedRow[][],
  ) {
    const all = rowsByRequest.flat();
    const alreadyStored = await this.storedIds(
      tx,
      all.filter((row) => row.suppliedId).map((row) => row.eventId),
    );
    const retried = new Set<number>();
    rowsByRequest.forEach((own, index) => {
      const stored = own.filter((row) => alreadyStored.has(row.eventId)).length;
      if (stored > 0 && stored === own.length) retried.add(index);
      else if (stored > 0) throw new EventIdReused(requests[index]?.streamId ?? '');
    });
    // 'no-stream' needs no lookup: the unique (stream, version) index refuses an existing stream
    const lookedUp = requests.filter(
      (request, index) => !retried.has(index) && request.expectedVersion !== 'no-stream',
    );
    const current = await this.currentVersions(tx, [...new Set(lookedUp.map((request) => request.streamId))]);
    const fresh: PreparedRow[] = [];
    for (const [index, request] of requests.entries()) {
      if (retried.has(index)) continue;
      const actual = current.get(request.streamId) ?? 0;
      const expected = request.expectedVersion;
      if (expected !== 'any' && (expected === 'no-stream' ? actual !== 0 : actual !== expected)) {
        throw new StreamVersionConflict(request.streamId, expected, actual);
      }
      let version = actual;
      for (const row of rowsByRequest[index] ?? []) {
        row.streamVersion = ++version;
        fresh.push(row);
      }
      current.set(request.streamId, version);
    }
    const inserted = fresh.length === 0 ? [] : await this.insertRows(tx, requests, fresh);
    const cursors = new Map(
      inserted.map((row) => [row.event_id, { txId: row.tx_id, position: row.position }]),
    );
    const retriedIds = all.filter((row) => retried.has(row.requestIndex)).map((row) => row.eventId);
    const replayed: EventRow[] =
      retriedIds.length === 0
        ? []
        : await tx.query(`select ${EVENT_COLUMNS} from events where event_id = any($1::uuid[])`, [
            retriedIds,
          ]);
    const replayedById = new Map(replayed.map((row) => [row.event_id, toStoredEvent(row, this.producer)]));
    return all.flatMap((row) => {
      const stored = replayedById.get(row.eventId);
      if (stored) return [stored];
      const cursor = cursors.get(row.eventId);
      return cursor ? [this.storedEventOf(row, cursor)] : [];
    });
  }

  // built from what we just wrote: the insert returns only the position, not the payload back
  private storedEventOf(row: PreparedRow, cursor: LogCursor): StoredEvent {
    return {
      eventId: row.eventId,
      type: row.type,
      schemaVersion: row.schemaVersion,
      streamId: row.streamId,
      streamVersion: row.streamVersion,
      occurredAt: row.occurredAt,
      recordedAt: row.recordedAt,
      producer: this.producer,
      correlationId: row.correlationId,
      causationId: row.causationId,
      partitionKey: row.partitionKey,
      payload: row.payload,
      cursor,
    };
  }

  // a plain INSERT: the unique indexes refuse a taken version or id, and cost less than ON CONFLICT's pre-check
  private async insertRows(
    tx: EntityManager,
    requests: readonly AppendRequest[],
    rows: readonly PreparedRow[],
  ): Promise<InsertedRow[]> {
    const first = rows[0] as PreparedRow;
    try {
      return await tx.query(
        `insert into events (event_id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at,
                             correlation_id, causation_id, partition_key, payload)
         select e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, $6, $7, $8, $9, e.partition_key, e.payload
           from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $10::text[], $11::jsonb[])
                as e(event_id, stream_id, stream_version, type, schema_version, partition_key, payload)
         returning event_id, tx_id::text, position::text`,
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
          rows.map((row) => JSON.stringify(row.payload)),
        ],
      );
    } catch (error) {
      const conflict = conflictOf(error, rows);
      if (!conflict) throw error;
      const request = requests[conflict.requestIndex] as AppendRequest;
      throw new StreamVersionConflict(request.streamId, request.expectedVersion, conflict.actual);
    }
  }

  private async storedIds(tx: EntityManager, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows: { event_id: string }[] = await tx.query(
      'select event_id from events where event_id = any($1::uuid[])',
      [eventIds],
    );
    return new Set(rows.map((row) => row.event_id));
  }

  // one index probe per stream, whatever the table's statistics say
  private async currentVersions(
    tx: EntityManager,
    streamIds: readonly string[],
  ): Promise<Map<string, number>> {
    if (streamIds.length === 0) return new Map();
    const rows: { stream_id: string; version: number | null }[] = await tx.query(
      `select s.stream_id,
              (select e.stream_version from events e where e.stream_id = s.stream_id
                order by e.stream_version desc limit 1) as version
         from unnest($1::text[]) as s(stream_id)`,
      [streamIds],
    );
    return new Map(
      rows.flatMap((row) => (row.version === null ? [] : [[row.stream_id, row.version] as const])),
    );
  }
}

/**
 * A concurrent writer took a version (or committed the same ids) between our read and our insert: which of our
 * rows it hit, from PostgreSQL's unique-violation detail, and the version it found when the detail says.
 */
function conflictOf(
  error: unknown,
  rows: readonly PreparedRow[],
): { requestIndex: number; actual: number | undefined } | undefined {
  if (classifyDatabaseError(error) !== 'unique-violation') return undefined;
  const detail = databaseErrorDetail(error) ?? '';
  const version = /^Key \(stream_id, stream_version\)=\((.*), (\d+)\) already exists/.exec(detail);
  const id = /^Key \(event_id\)=\(([0-9a-f-]+)\) already exists/.exec(detail);
  const hit = version
    ? rows.find((row) => row.streamId === version[1] && row.streamVersion === Number(version[2]))
    : rows.find((row) => row.eventId === id?.[1]);
  return {
    requestIndex: (hit ?? (rows[0] as PreparedRow)).requestIndex,
    actual: version ? Number(version[2]) : undefined,
  };
}

interface InsertedRow {
  event_id: string;
  tx_id: string;
  position: string;
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
  readonly payload: unknown;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}
