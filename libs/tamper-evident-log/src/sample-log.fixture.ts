import { signCheckpoint, type Checkpoint } from './checkpoint';
import {
  checkpointKeyRing,
  generateCheckpointSigningKey,
  type CheckpointKeyRing,
  type CheckpointSigningKey,
} from './checkpoint-keys';
import { exportedLogEntry, type ExportedLogEntry } from './exported-log-entry';
import { toBase64 } from './hash-encoding';
import { MerkleTreeBuilder } from './merkle-tree-builder';

// Test data only: envelopes shaped like @vl/contracts' EventEnvelope, with no ballot content.

export const SAMPLE_ORIGIN = 'voting-ledger/turnout';

export interface SignedSampleLog {
  readonly entries: readonly ExportedLogEntry[];
  readonly checkpoints: readonly Checkpoint[];
  readonly publicKeys: CheckpointKeyRing;
  readonly origin: string;
  readonly signingKey: CheckpointSigningKey;
}

export function sampleEnvelope(position: number): Readonly<Record<string, unknown>> {
  const id = position.toString(16).padStart(12, '0');
  const at = new Date(Date.UTC(2026, 10, 29, 2, 0, 0) + position * 1_370).toISOString();
  const precinct = `KG-PR-${String(position % 2_500).padStart(4, '0')}`;
  return {
    eventId: `01937a3c-0000-7000-8000-${id}`,
    type: position % 50 === 0 ? 'CheckInRevoked' : 'VoterCheckedIn',
    schemaVersion: 1,
    streamId: `turnout-2026-parliament-${precinct}`,
    streamVersion: Math.floor(position / 2_500) + 1,
    occurredAt: at,
    recordedAt: at,
    producer: 'turnout',
    correlationId: `5f0c8d1e-3b2a-4c6d-9e8f-${id}`,
    causationId: position % 3 === 0 ? null : `7a1b2c3d-4e5f-4a6b-8c7d-${id}`,
    partitionKey: `voter-${(position * 7_919) % 4_000_000}`,
    payload: {
      electionId: 'KG-2026-PARLIAMENT',
      precinctId: precinct,
      voterId: `voter-${(position * 7_919) % 4_000_000}`,
      pollWorkerId: `pw-${position % 9_000}`,
      method: position % 7 === 0 ? 'absentee-certificate' : 'passport',
      attempts: (position % 3) + 1,
    },
  };
}

/** A log of `size` sample events with a checkpoint signed every `cadence` events. */
export function signedSampleLog(
  size: number,
  cadence: number,
  origin: string = SAMPLE_ORIGIN,
): SignedSampleLog {
  const signingKey = generateCheckpointSigningKey();
  const tree = new MerkleTreeBuilder();
  const entries: ExportedLogEntry[] = [];
  const checkpoints: Checkpoint[] = [];
  for (let position = 0; position < size; position++) {
    const entry = exportedLogEntry(position, sampleEnvelope(position));
    entries.push(entry);
    tree.append(Buffer.from(entry.leafHash, 'hex'));
    if (tree.size % cadence === 0) {
      const body = { origin, treeSize: tree.size, rootHash: toBase64(tree.root()) };
      checkpoints.push(signCheckpoint(body, signingKey.privateKey));
    }
  }
  return { entries, checkpoints, publicKeys: checkpointKeyRing([signingKey.publicKey]), origin, signingKey };
}
