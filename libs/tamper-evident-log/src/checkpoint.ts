import { sign, verify, type KeyObject } from 'node:crypto';
import { checkpointKeyId, type CheckpointKeyRing } from './checkpoint-keys';
import { fromCanonicalBase64, HASH_SIZE } from './hash-encoding';

const ED25519_SIGNATURE_SIZE = 64;

/**
 * What a checkpoint asserts: the log named `origin` had `treeSize` entries and this Merkle root.
 * Hashes and signatures are padded standard base64 strings, not bytes: strings are immutable, compare with
 * ===, and are exactly what the note text and the JSON form carry.
 */
export interface CheckpointBody {
  /** Which log: one origin per service log, e.g. `voting-ledger/turnout`; no whitespace. */
  readonly origin: string;
  readonly treeSize: number;
  /** MTH of the first treeSize leaves (RFC 6962), 32 bytes as base64. */
  readonly rootHash: string;
}

/** A checkpoint body with the operator's Ed25519 signature over its note text. */
export interface Checkpoint extends CheckpointBody {
  /** Lowercase hex of the first 8 bytes of SHA-256(raw public key); see checkpointKeyId. */
  readonly keyId: string;
  /** Ed25519 signature over the UTF-8 bytes of checkpointBodyText(body), 64 bytes as base64. */
  readonly signature: string;
}

export type CheckpointVerification = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The signed text `<origin>\n<size in decimal>\n<root base64>\n`, as in transparency-log checkpoints. */
export function checkpointBodyText(body: CheckpointBody): string {
  return `${body.origin}\n${body.treeSize}\n${body.rootHash}\n`;
}

/** Signs a checkpoint body; the key id defaults to the one derived from the key, and must match it if given. */
export function signCheckpoint(body: CheckpointBody, privateKey: KeyObject, keyId?: string): Checkpoint {
  const problem = checkpointBodyProblem(body);
  if (problem !== undefined) throw new RangeError(`cannot sign checkpoint: ${problem}`);
  const derivedId = checkpointKeyId(privateKey);
  if (keyId !== undefined && keyId !== derivedId) {
    throw new RangeError(`key id ${keyId} does not belong to this private key, whose id is ${derivedId}`);
  }
  const signature = sign(null, Buffer.from(checkpointBodyText(body), 'utf8'), privateKey).toString('base64');
  return {
    origin: body.origin,
    treeSize: body.treeSize,
    rootHash: body.rootHash,
    keyId: derivedId,
    signature,
  };
}

/** Checks the checkpoint's fields and its signature under the key its keyId names in the ring. */
export function verifyCheckpoint(
  checkpoint: Checkpoint,
  publicKeys: CheckpointKeyRing,
): CheckpointVerification {
  const problem = checkpointProblem(checkpoint);
  if (problem !== undefined)
    return { ok: false, reason: `${describeCheckpoint(checkpoint)} is malformed: ${problem}` };
  const publicKey = publicKeys.get(checkpoint.keyId);
  if (publicKey === undefined) {
    return {
      ok: false,
      reason:
        `${describeCheckpoint(checkpoint)} is signed by key ${checkpoint.keyId}, which is not among the ` +
        `${publicKeys.size} trusted public key(s); obtain the log's published key or reject the checkpoint`,
    };
  }
  const signature = Buffer.from(checkpoint.signature, 'base64');
  const body = Buffer.from(checkpointBodyText(checkpoint), 'utf8');
  if (publicKey.asymmetricKeyType !== 'ed25519' || !verify(null, body, publicKey, signature)) {
    return {
      ok: false,
      reason: `${describeCheckpoint(checkpoint)}: the signature does not verify under key ${checkpoint.keyId}`,
    };
  }
  return { ok: true };
}

export function describeCheckpoint(checkpoint: CheckpointBody): string {
  return `checkpoint ${String(checkpoint.origin)} @ ${String(checkpoint.treeSize)}`;
}

/** The first thing wrong with a body's fields, or undefined. */
export function checkpointBodyProblem(body: CheckpointBody): string | undefined {
  if (typeof body.origin !== 'string' || !/^\S{1,255}$/.test(body.origin)) {
    return 'origin must be 1 to 255 characters without whitespace, e.g. voting-ledger/turnout';
  }
  if (!Number.isSafeInteger(body.treeSize) || body.treeSize < 0) {
    return `treeSize must be a non-negative integer; got ${String(body.treeSize)}`;
  }
  if (typeof body.rootHash !== 'string' || fromCanonicalBase64(body.rootHash, HASH_SIZE) === undefined) {
    return 'rootHash must be a SHA-256 hash: 32 bytes as padded standard base64 (44 characters)';
  }
  return undefined;
}

/** The first thing wrong with a checkpoint's fields (signature bytes aside), or undefined. */
export function checkpointProblem(checkpoint: Checkpoint): string | undefined {
  const bodyProblem = checkpointBodyProblem(checkpoint);
  if (bodyProblem !== undefined) return bodyProblem;
  if (typeof checkpoint.keyId !== 'string' || !/^\S{1,200}$/.test(checkpoint.keyId)) {
    return 'keyId must be 1 to 200 characters without whitespace';
  }
  if (
    typeof checkpoint.signature !== 'string' ||
    fromCanonicalBase64(checkpoint.signature, ED25519_SIGNATURE_SIZE) === undefined
  ) {
    return 'signature must be an Ed25519 signature: 64 bytes as padded standard base64 (88 characters)';
  }
  return undefined;
}
