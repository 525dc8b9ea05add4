import { HASH_SIZE, hashesEqual } from './hash-encoding';
import { half, largestPowerOfTwoBelow, leafAt, subtreeHash } from './merkle-tree-hash';
import { nodeHash } from './rfc6962-hashing';

/** What a verifier is told: this leaf is at this index of the tree of this size and root. */
export interface InclusionClaim {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}

/**
 * The audit path PATH(m, D[n]) of RFC 6962 §2.1.1 for leaf `leafIndex` in the tree of the first `treeSize`
 * leaf hashes (default: all of them), deepest sibling first.
 */
export function inclusionProof(
  leafIndex: number,
  leafHashes: readonly Uint8Array[],
  treeSize: number = leafHashes.length,
): readonly Uint8Array[] {
  if (!Number.isSafeInteger(treeSize) || treeSize < 1 || treeSize > leafHashes.length) {
    throw new RangeError(`tree size must be between 1 and ${leafHashes.length}; got ${treeSize}`);
  }
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new RangeError(`leaf index must be between 0 and ${treeSize - 1}; got ${leafIndex}`);
  }
  leafAt(leafHashes, leafIndex);
  const path: Uint8Array[] = [];
  auditPath(leafIndex, leafHashes, 0, treeSize, path);
  return path;
}

function auditPath(
  m: number,
  leaves: readonly Uint8Array[],
  start: number,
  end: number,
  path: Uint8Array[],
): void {
  const n = end - start;
  if (n === 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    auditPath(m, leaves, start, start + k, path);
    path.push(subtreeHash(leaves, start + k, end));
  } else {
    auditPath(m - k, leaves, start + k, end, path);
    path.push(subtreeHash(leaves, start, start + k));
  }
}

/** RFC 9162 §2.1.3.2: recompute the root from the leaf and its audit path; true only if it matches. */
export function verifyInclusion(claim: InclusionClaim): boolean {
  const { leafIndex, treeSize, proof } = claim;
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize)) return false;
  if (leafIndex < 0 || leafIndex >= treeSize) return false;
  if (claim.leafHash.length !== HASH_SIZE || proof.some((hash) => hash.length !== HASH_SIZE)) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = claim.leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      // a right-edge node with no sibling at this level: climb until it is a right child again
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(r, claim.rootHash);
}
