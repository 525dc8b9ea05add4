import { HASH_SIZE } from './hash-encoding';
import { emptyTreeHash, nodeHash } from './rfc6962-hashing';

/** The k of RFC 6962 §2.1: the largest power of two smaller than n, for n > 1. */
export function largestPowerOfTwoBelow(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`expected an integer n > 1; got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * MTH(D[start:end]) by the recursive definition of RFC 6962 §2.1, taking leaf hashes (MTH of one entry)
 * rather than the entries themselves. O(n) hashes: the reference the incremental builder is tested against,
 * and the basis of proof generation.
 */
export function merkleTreeHash(
  leafHashes: readonly Uint8Array[],
  start = 0,
  end: number = leafHashes.length,
): Uint8Array {
  assertRange(leafHashes, start, end);
  return subtreeHash(leafHashes, start, end);
}

/** MTH of D[start:end] without re-checking the range; proofs call it on ranges they derived themselves. */
export function subtreeHash(leafHashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const n = end - start;
  if (n === 0) return emptyTreeHash();
  if (n === 1) return leafAt(leafHashes, start);
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(subtreeHash(leafHashes, start, start + k), subtreeHash(leafHashes, start + k, end));
}

// sizes may exceed 2^31, where JavaScript's bitwise shifts would wrap
export function half(n: number): number {
  return Math.floor(n / 2);
}

export function leafAt(leafHashes: readonly Uint8Array[], index: number): Uint8Array {
  const leaf = leafHashes[index];
  if (leaf === undefined || leaf.length !== HASH_SIZE) {
    throw new RangeError(`leaf ${index} is not a ${HASH_SIZE}-byte hash`);
  }
  return leaf;
}

function assertRange(leafHashes: readonly Uint8Array[], start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`expected 0 <= start <= end; got start ${start}, end ${end}`);
  }
  if (end > leafHashes.length) {
    throw new RangeError(`range ends at ${end} but there are only ${leafHashes.length} leaves`);
  }
}
