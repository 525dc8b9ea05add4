import { HASH_SIZE } from './hash-encoding';
import { emptyTreeHash, nodeHash } from './rfc6962-hashing';

/**
 * Builds the RFC 6962 Merkle Tree Hash of a log as leaves are appended, in O(log n) memory: it keeps only
 * the roots of the perfect subtrees that the binary representation of the size describes (a "compact
 * range" over [0, size)), largest and leftmost first. Its root equals MTH(D[0:size]) for every size.
 */
export class MerkleTreeBuilder {
  // subtreeRoots[i] covers 2^k leaves for the i-th set bit of size, most significant first
  private readonly subtreeRoots: Uint8Array[] = [];
  private leafCount = 0;

  /** How many leaves have been appended: the tree size the root describes. */
  get size(): number {
    return this.leafCount;
  }

  /** Appends one leaf hash (SHA-256(0x00 || entry)); merges equal-size subtrees like a binary carry. */
  append(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH_SIZE) {
      throw new RangeError(`a leaf hash has ${HASH_SIZE} bytes; got ${leafHash.length}`);
    }
    let node = leafHash;
    let carry = this.leafCount;
    while (carry % 2 === 1) {
      node = nodeHash(this.subtreeRoots.pop() as Uint8Array, node);
      carry = Math.floor(carry / 2);
    }
    // copy a caller's buffer we keep; hashes we computed ourselves are already private
    this.subtreeRoots.push(node === leafHash ? new Uint8Array(leafHash) : node);
    this.leafCount += 1;
  }

  /** The subtree roots, most significant first: with the size, all a builder needs to resume. */
  frontier(): readonly Uint8Array[] {
    return this.subtreeRoots.map((root) => new Uint8Array(root));
  }

  /** Resumes a tree from a saved size and frontier, e.g. a service's checkpointer after a restart. */
  static restore(size: number, frontier: readonly Uint8Array[]): MerkleTreeBuilder {
    const expected = size
      .toString(2)
      .split('')
      .filter((bit) => bit === '1').length;
    if (!Number.isSafeInteger(size) || size < 0 || frontier.length !== expected) {
      throw new RangeError(`a tree of size ${size} has ${expected} subtree roots; got ${frontier.length}`);
    }
    if (frontier.some((root) => root.length !== HASH_SIZE))
      throw new RangeError(`subtree roots have ${HASH_SIZE} bytes`);
    const builder = new MerkleTreeBuilder();
    builder.subtreeRoots.push(...frontier.map((root) => new Uint8Array(root)));
    builder.leafCount = size;
    return builder;
  }

  /** MTH of the leaves so far: the subtree roots folded right to left, as RFC 6962 §2.1 splits. */
  root(): Uint8Array {
    const last = this.subtreeRoots.length - 1;
    if (last < 0) return emptyTreeHash();
    let root = this.subtreeRoots[last] as Uint8Array;
    for (let i = last - 1; i >= 0; i--) root = nodeHash(this.subtreeRoots[i] as Uint8Array, root);
    return last === 0 ? new Uint8Array(root) : root;
  }
}
