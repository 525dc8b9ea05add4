import { HASH_SIZE, hashesEqual } from './hash-encoding';
import { half, largestPowerOfTwoBelow, subtreeHash } from './merkle-tree-hash';
import { emptyTreeHash, nodeHash } from './rfc6962-hashing';

/** What a verifier is told: the tree of oldSize leaves is a prefix of the tree of newSize leaves. */
export interface ConsistencyClaim {
  readonly oldSize: number;
  readonly newSize: number;
  readonly oldRoot: Uint8Array;
  readonly newRoot: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/**
 * PROOF(m, D[n]) of RFC 6962 §2.1.2 between the first `oldSize` leaves and the first `newSize` leaves
 * (default: all). Empty when oldSize is 0 or equals newSize: nothing needs proving.
 */
export function consistencyProof(
  oldSize: number,
  leafHashes: readonly Uint8Array[],
  newSize: number = leafHashes.length,
): readonly Uint8Array[] {
  if (!Number.isSafeInteger(newSize) || newSize < 0 || newSize > leafHashes.length) {
    throw new RangeError(`new size must be between 0 and ${leafHashes.length}; got ${newSize}`);
  }
  if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
    throw new RangeError(`old size must be between 0 and ${newSize}; got ${oldSize}`);
  }
  const proof: Uint8Array[] = [];
  if (oldSize > 0 && oldSize < newSize) subproof(oldSize, leafHashes, 0, newSize, true, proof);
  return proof;
}

// SUBPROOF(m, D[start:end], b); b says whether D[0:m] is still a complete subtree the verifier already has
function subproof(
  m: number,
  leaves: readonly Uint8Array[],
  start: number,
  end: number,
  b: boolean,
  proof: Uint8Array[],
): void {
  const n = end - start;
  if (m === n) {
    if (!b) proof.push(subtreeHash(leaves, start, end));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    subproof(m, leaves, start, start + k, b, proof);
    proof.push(subtreeHash(leaves, start + k, end));
  } else {
    subproof(m - k, leaves, start + k, end, false, proof);
    proof.push(subtreeHash(leaves, start, start + k));
  }
}

/** RFC 9162 §2.1.4.2: rebuild both roots from the proof; true only if both match. */
export function verifyConsistency(claim: ConsistencyClaim): boolean {
  const { oldSize, newSize, oldRoot, newRoot, proof } = claim;
  if (!Number.isSafeInteger(oldSize) || !Number.isSafeInteger(newSize)) return false;
  if (oldSize < 0 || oldSize > newSize) return false;
  if (oldRoot.length !== HASH_SIZE || newRoot.length !== HASH_SIZE) return false;
  if (proof.some((hash) => hash.length !== HASH_SIZE)) return false;
  if (oldSize === newSize) return proof.length === 0 && hashesEqual(oldRoot, newRoot);
  // every tree extends the empty tree, whose root is fixed
  if (oldSize === 0) return proof.length === 0 && hashesEqual(oldRoot, emptyTreeHash());
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(fr, oldRoot) && hashesEqual(sr, newRoot);
}

function isPowerOfTwo(n: number): boolean {
  let power = 1;
  while (power < n) power *= 2;
  return power === n;
}
