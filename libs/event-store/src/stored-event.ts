import type { EventEnvelope } from '@vl/contracts';

/** Where a reader is in the log: after the event with this (transaction, position). */
export interface LogCursor {
  readonly txId: string;
  readonly position: string;
}

export const LOG_START: LogCursor = { txId: '0', position: '0' };

export interface StoredEvent extends EventEnvelope {
  readonly cursor: LogCursor;
}

export interface EventRow {
  position: string;
  tx_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  occurred_at: Date;
  recorded_at: Date;
  correlation_id: string;
  causation_id: string | null;
  partition_key: string;
  payload: unknown;
}

export const EVENT_COLUMNS =
  'position, tx_id, event_id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, correlation_id, causation_id, partition_key, payload';

export function toStoredEvent(row: EventRow, producer: string): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    producer,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    partitionKey: row.partition_key,
    payload: row.payload,
    cursor: { txId: row.tx_id, position: row.position },
  };
}

/** The event as published and hashed: the envelope without the store's cursor. */
export function envelopeOf(event: StoredEvent): EventEnvelope {
  const { cursor: _cursor, ...envelope } = event;
  return envelope;
}
