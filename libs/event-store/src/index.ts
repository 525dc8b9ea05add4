export {
  EventContractViolation,
  EventIdReused,
  StreamVersionConflict,
  type ExpectedVersion,
} from './append-errors';
export {
  EventStore,
  type AppendContext,
  type AppendRequest,
  type EventContracts,
  type LoadedEvent,
  type PendingEvent,
} from './event-store';
export {
  classifyDatabaseError,
  databaseErrorDetail,
  UniqueKeyTaken,
  type DatabaseErrorKind,
} from './database-errors';
export { StoredEventUnreadable } from './stored-event-unreadable';
export { EventStoreTables1763860000000 } from './event-store-tables.migration';
export { envelopeOf, LOG_START, type LogCursor, type StoredEvent } from './stored-event';
export { catalogContracts } from './catalog-contracts';
export { sessionOptions } from './session-options';
