import { eventCatalog } from '@vl/contracts';
import { StoredEventUnreadable } from '@vl/event-store';

/** The columns of an event that a repository selects from the log itself, to read it through its contract. */
export const STORED_EVENT_COLUMNS = 'e.event_id, e.stream_id, e.type, e.schema_version, e.payload';

export interface StoredEventRow {
  event_id: string;
  stream_id: string;
  type: string;
  schema_version: number;
  payload: unknown;
}

/** An event of the ledger typed by its contract (switch on `type`), with its id. */
export type ReadEvent = Extract<ReturnType<typeof eventCatalog.parseStored>, { ok: true }>['value'] & {
  readonly eventId: string;
};

/** A row selected by hand, read as EventStore.loadStream reads a stream: parsed and upcast, or refused by name. */
export function readStoredEvent(row: StoredEventRow): ReadEvent {
  const event = {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    payload: row.payload,
  };
  const parsed = eventCatalog.parseStored(event);
  if (!parsed.ok)
    throw new StoredEventUnreadable({ ...event, streamId: row.stream_id }, parsed.error.message);
  return { ...parsed.value, eventId: row.event_id };
}
