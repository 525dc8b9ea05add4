import { canonicalJson } from './canonical-bytes';
import { describeCheckpoint, verifyCheckpoint, type Checkpoint } from './checkpoint';
import type { CheckpointKeyRing } from './checkpoint-keys';
import type { ExportedLogEntry } from './exported-log-entry';
import { toBase64, toHex } from './hash-encoding';
import { MerkleTreeBuilder } from './merkle-tree-builder';
import { leafHashOfCanonicalJson } from './rfc6962-hashing';

/** Evidence found in the entry itself: firstBadIndex is exactly that entry. */
export type EntryEvidence = 'malformed-entry' | 'position-out-of-sequence' | 'leaf-hash-mismatch';
/** Evidence from signed checkpoints: firstBadIndex is where the last verified checkpoint ends. */
export type CheckpointEvidence =
  'root-mismatch' | 'log-truncated' | 'checkpoint-invalid' | 'checkpoint-origin-mismatch';
export type TamperEvidence = EntryEvidence | CheckpointEvidence;

export interface LogVerified {
  readonly ok: true;
  readonly treeSize: number;
  /** MTH of all entries, base64. */
  readonly rootHash: string;
  /** Entries [0, checkpointedSize) are exactly as signed; later ones passed only local checks. */
  readonly checkpointedSize: number;
  readonly checkpointsVerified: number;
}

export interface LogTampered {
  readonly ok: false;
  /**
   * The first log index the verifier cannot vouch for. For entry evidence it is the offending entry itself.
   * For checkpoint evidence it is the size of the last checkpoint that verified (0 if none): entries before
   * it are authenticated, and the tampering lies at or after it, before the failing checkpoint's size.
   */
  readonly firstBadIndex: number;
  readonly evidence: TamperEvidence;
  readonly reason: string;
}

export type LogVerification = LogVerified | LogTampered;

export interface LogVerifierOptions {
  readonly checkpoints: readonly Checkpoint[];
  readonly publicKeys: CheckpointKeyRing;
  /** The log's expected origin; by default the first checkpoint's, so all must agree. */
  readonly origin?: string;
}

/**
 * Verifies an exported log one entry at a time in O(log n) memory: positions run 0, 1, 2, ...; each
 * recomputed leaf hash equals the recorded one; at each checkpoint's size the tree root equals the
 * signed root; and the log reaches the largest checkpoint. Stops at the first failure.
 */
export class LogVerifier {
  private readonly tree = new MerkleTreeBuilder();
  private readonly checkpoints: readonly Checkpoint[];
  private readonly publicKeys: CheckpointKeyRing;
  private origin: string | undefined;
  private nextCheckpoint = 0;
  private checkpointedSize = 0;
  private checkpointsVerified = 0;
  private failure: LogTampered | undefined;

  constructor(options: LogVerifierOptions) {
    this.checkpoints = [...options.checkpoints].sort((a, b) => placement(a) - placement(b));
    this.publicKeys = options.publicKeys;
    this.origin = options.origin;
    this.failure = this.checkCheckpointsAtCurrentSize();
  }

  /** Takes the next entry; returns the failure once there is one, and ignores entries after it. */
  accept(entry: ExportedLogEntry): LogTampered | undefined {
    if (this.failure !== undefined) return this.failure;
    const index = this.tree.size;
    if (typeof entry !== 'object' || entry === null)
      return this.rejectMalformed('not an export entry object');
    if (entry.position !== index) {
      return this.fail(
        index,
        'position-out-of-sequence',
        `entry ${index} carries position ${String(entry.position)}; positions must run 0, 1, 2, ... ` +
          '(an entry was deleted, inserted or moved here)',
      );
    }
    let canonicalText: string;
    try {
      canonicalText = canonicalJson(entry.event);
    } catch (error) {
      return this.rejectMalformed(`the event has no RFC 8785 canonical form (${(error as Error).message})`);
    }
    const leafHash = leafHashOfCanonicalJson(canonicalText);
    const recomputed = toHex(leafHash);
    if (recomputed !== entry.leafHash) {
      return this.fail(
        index,
        'leaf-hash-mismatch',
        `entry ${index}: the event hashes to leaf ${recomputed} but the log recorded ${String(entry.leafHash)} ` +
          '(the event was altered after it was logged)',
      );
    }
    this.tree.append(leafHash);
    this.failure = this.checkCheckpointsAtCurrentSize();
    return this.failure;
  }

  /** Records that the next entry could not be read at all (e.g. a malformed export line). */
  rejectMalformed(reason: string): LogTampered {
    if (this.failure !== undefined) return this.failure;
    const index = this.tree.size;
    return this.fail(index, 'malformed-entry', `entry ${index}: ${reason}`);
  }

  /** The verdict once every entry has been given. */
  finish(): LogVerification {
    if (this.failure !== undefined) return this.failure;
    const unreached = this.checkpoints[this.nextCheckpoint];
    if (unreached !== undefined) {
      return this.fail(
        this.checkpointedSize,
        'log-truncated',
        `the log ends after ${this.tree.size} entries but ${describeCheckpoint(unreached)} signs ` +
          `${String(unreached.treeSize)}; entries from ${this.checkpointedSize} on are not covered by a verified checkpoint`,
      );
    }
    return {
      ok: true,
      treeSize: this.tree.size,
      rootHash: toBase64(this.tree.root()),
      checkpointedSize: this.checkpointedSize,
      checkpointsVerified: this.checkpointsVerified,
    };
  }

  private checkCheckpointsAtCurrentSize(): LogTampered | undefined {
    const size = this.tree.size;
    let rootHash: string | undefined;
    let checkpoint = this.checkpoints[this.nextCheckpoint];
    // several checkpoints may sign one size (key rotation): all must hold before the size counts
    while (checkpoint !== undefined && placement(checkpoint) === size) {
      this.origin ??= checkpoint.origin;
      if (checkpoint.origin !== this.origin) {
        return this.fail(
          this.checkpointedSize,
          'checkpoint-origin-mismatch',
          `${describeCheckpoint(checkpoint)} belongs to another log; expected origin ${this.origin}`,
        );
      }
      const signature = verifyCheckpoint(checkpoint, this.publicKeys);
      if (!signature.ok) return this.fail(this.checkpointedSize, 'checkpoint-invalid', signature.reason);
      rootHash ??= toBase64(this.tree.root());
      if (checkpoint.rootHash !== rootHash) {
        return this.fail(
          this.checkpointedSize,
          'root-mismatch',
          `${describeCheckpoint(checkpoint)}: the exported entries give root ${rootHash} at size ${size} but the ` +
            `signed root is ${checkpoint.rootHash}; entries ${this.checkpointedSize} to ${size - 1} are not the ` +
            'ones that were signed (altered, deleted, inserted or reordered)',
        );
      }
      this.checkpointsVerified += 1;
      this.nextCheckpoint += 1;
      checkpoint = this.checkpoints[this.nextCheckpoint];
    }
    if (rootHash !== undefined) this.checkpointedSize = size;
    return undefined;
  }

  private fail(firstBadIndex: number, evidence: TamperEvidence, reason: string): LogTampered {
    this.failure = { ok: false, firstBadIndex, evidence, reason };
    return this.failure;
  }
}

// a checkpoint with an impossible size is examined first, where verifyCheckpoint reports it as malformed
function placement(checkpoint: Checkpoint): number {
  const size = checkpoint.treeSize;
  return Number.isSafeInteger(size) && size >= 0 ? size : 0;
}
