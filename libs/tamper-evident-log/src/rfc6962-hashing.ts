import { hash } from 'node:crypto';
import { HASH_SIZE } from './hash-encoding';

// RFC 6962 §2.1 domain separation: a leaf can never be passed off as an interior node, or vice versa
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

// One reusable input buffer: crypto.hash copies its input synchronously, so reuse is safe
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE, NODE_PREFIX);

const EMPTY_TREE_HASH: Uint8Array = hash('sha256', Buffer.alloc(0), 'buffer');

/** MTH({}) = SHA-256 of the empty string (RFC 6962 §2.1). Returns a fresh copy. */
export function emptyTreeHash(): Uint8Array {
  return new Uint8Array(EMPTY_TREE_HASH);
}

/** MTH({d}) = SHA-256(0x00 || d) for one leaf's bytes (RFC 6962 §2.1). */
export function leafHash(bytes: Uint8Array): Uint8Array {
  const input = Buffer.allocUnsafe(1 + bytes.length);
  input[0] = LEAF_PREFIX;
  input.set(bytes, 1);
  return hash('sha256', input, 'buffer');
}

/** The leaf hash of canonical JSON text, without materialising the bytes first (the verifier's hot path). */
export function leafHashOfCanonicalJson(canonicalText: string): Uint8Array {
  // crypto.hash encodes string input as UTF-8, and U+0000 encodes as the single byte 0x00
  return hash('sha256', '\u0000' + canonicalText, 'buffer');
}

/** SHA-256(0x01 || left || right), an interior node (RFC 6962 §2.1). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new RangeError(
      `node children must be ${HASH_SIZE}-byte hashes; got ${left.length} and ${right.length}`,
    );
  }
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return hash('sha256', nodeInput, 'buffer');
}
