import { EventStoreTables1763860000000 } from '@vl/event-store';
import { MessagingTables1763860000001 } from '@vl/messaging';
import { CheckpointKeys1763860000003 } from './checkpoints/checkpoint-keys.migration';
import { CheckpointTables1763860000002 } from './checkpoints/checkpoint-tables.migration';

/** Every service's ledger tables: events, relay/inbox/parking, Merkle tree and checkpoints. */
export const LEDGER_MIGRATIONS = [
  EventStoreTables1763860000000,
  MessagingTables1763860000001,
  CheckpointTables1763860000002,
  CheckpointKeys1763860000003,
];
