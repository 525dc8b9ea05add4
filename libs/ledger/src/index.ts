export { DeadLetterController } from './dead-letter.controller';
export { LedgerModule, type LedgerOptions } from './ledger.module';
export { EVENT_HANDLERS, type EventConsumer } from './ledger.tokens';
export { decideAndAppend, type RecordedEvent } from './command-handling';
export { decideInTransaction } from './decide-in-transaction';
export {
  decideManyInTransaction,
  type StreamCommand,
  type StreamDecision,
} from './decide-many-in-transaction';
export {
  conflictKindOf,
  DEFAULT_CONFLICT_ATTEMPTS,
  retryOnConflict,
  type ConflictKind,
  type RetryOnConflictOptions,
} from './conflict-policy';
export { LedgerAuditController } from './audit/ledger-audit.controller';
export {
  ParticipationReads,
  participationReadsStreamId,
  readIdOf,
  scopeClaimOf,
  type PersonRead,
  type RangeRead,
  type ReadSubject,
} from './participation-reads/participation-reads';
export {
  digestRows,
  PROJECTION_DIGESTS,
  type ProjectionDigest,
  type ReadModelDigest,
} from './audit/projection-digest';
export { digestByCursor } from './audit/digest-by-cursor';
export { CheckpointTables1763860000002 } from './checkpoints/checkpoint-tables.migration';
export { LogCheckpointer, type CheckpointerOptions } from './checkpoints/log-checkpointer';
export { parseSigningKey } from './checkpoints/signing-key';
export { LEDGER_MIGRATIONS } from './ledger-migrations';
