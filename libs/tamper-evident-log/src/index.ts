export { canonicalBytes, canonicalJson } from './canonical-bytes';
export { emptyTreeHash, leafHash, nodeHash } from './rfc6962-hashing';
export { HASH_SIZE, hashesEqual, toBase64, toHex } from './hash-encoding';
export { merkleTreeHash } from './merkle-tree-hash';
export { MerkleTreeBuilder } from './merkle-tree-builder';
export { inclusionProof, verifyInclusion, type InclusionClaim } from './inclusion-proof';
export { consistencyProof, verifyConsistency, type ConsistencyClaim } from './consistency-proof';
export {
  checkpointKeyId,
  checkpointKeyRing,
  exportPublicKey,
  exportPublicKeyPem,
  generateCheckpointSigningKey,
  importPublicKey,
  rawPublicKey,
  type CheckpointKeyRing,
  type CheckpointSigningKey,
  type ExportedPublicKey,
} from './checkpoint-keys';
export {
  checkpointBodyText,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
  type CheckpointBody,
  type CheckpointVerification,
} from './checkpoint';
export { checkpointToNote, parseCheckpointNote } from './checkpoint-note';
export { checkpointToJson, parseCheckpointJson, type CheckpointJson } from './checkpoint-json';
export {
  eventLeafHash,
  exportedLogEntry,
  exportLine,
  parseExportLine,
  type ExportedLogEntry,
} from './exported-log-entry';
export {
  LogVerifier,
  type CheckpointEvidence,
  type EntryEvidence,
  type LogTampered,
  type LogVerification,
  type LogVerified,
  type LogVerifierOptions,
  type TamperEvidence,
} from './log-verifier';
export {
  verifyExportedLog,
  verifyExportedLogSync,
  verifyExportedNdjson,
  type ExportedLogInput,
  type ExportedNdjsonInput,
} from './verify-exported-log';
export type { Result } from './result';
