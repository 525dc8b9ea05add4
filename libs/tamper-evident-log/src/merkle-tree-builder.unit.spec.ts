import { createHash } from 'node:crypto';
import { toHex } from './hash-encoding';
import { MerkleTreeBuilder } from './merkle-tree-builder';
import { merkleTreeHash } from './merkle-tree-hash';
import { leafHash } from './rfc6962-hashing';

// An independent transcription of RFC 6962 §2.1, sharing no code with the library
function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function naiveMth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0] as Buffer;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.of(1), naiveMth(leaves.slice(0, k)), naiveMth(leaves.slice(k)));
}

const leaves = Array.from({ length: 300 }, (_, i) => sha256(Buffer.of(0), Buffer.from(`entry ${i}`)));

describe('MerkleTreeBuilder', () => {
  it('given leaves appended one by one, when the root is read at every size 0..300, then it equals the recursive definition', () => {
    const builder = new MerkleTreeBuilder();
    for (let size = 0; size <= leaves.length; size++) {
      const expected = naiveMth(leaves.slice(0, size)).toString('hex');
      expect({ size, root: toHex(builder.root()) }).toEqual({ size, root: expected });
      expect(toHex(merkleTreeHash(leaves, 0, size))).toBe(expected);
      if (size < leaves.length) builder.append(leaves[size] as Buffer);
    }
    expect(builder.size).toBe(300);
  });

  it('given a caller who reuses its buffer after appending, when the root is read, then the tree is unaffected', () => {
    const builder = new MerkleTreeBuilder();
    const scratch = Buffer.from(leaves[0] as Buffer);
    builder.append(scratch);
    scratch.fill(0);
    expect(toHex(builder.root())).toBe((leaves[0] as Buffer).toString('hex'));
  });

  it('given a value that is not a 32-byte hash, when appended, then it is refused', () => {
    expect(() => new MerkleTreeBuilder().append(new Uint8Array(33))).toThrow(RangeError);
  });

  it('given 131,075 leaves, when appended, then it keeps only one subtree root per set bit of the size', () => {
    const builder = new MerkleTreeBuilder();
    const leaf = leaves[0] as Buffer;
    for (let i = 0; i < 131_075; i++) builder.append(leaf);
    const kept = (builder as unknown as { subtreeRoots: readonly Uint8Array[] }).subtreeRoots.length;
    expect(kept).toBe((131_075).toString(2).replace(/0/g, '').length);
  });
});

describe('MerkleTreeBuilder.restore', () => {
  it('given a builder saved at any size, when restored and grown, then its roots match one that never stopped', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => leafHash(new TextEncoder().encode(`event ${i}`)));
    for (const stopAt of [0, 1, 5, 31, 32, 33, 69]) {
      const first = new MerkleTreeBuilder();
      leaves.slice(0, stopAt).forEach((leaf) => first.append(leaf));
      const resumed = MerkleTreeBuilder.restore(first.size, first.frontier());
      const straight = new MerkleTreeBuilder();
      leaves.forEach((leaf) => straight.append(leaf));
      leaves.slice(stopAt).forEach((leaf) => resumed.append(leaf));
      expect(toHex(resumed.root())).toBe(toHex(straight.root()));
    }
  });

  it('given a frontier that does not fit the size, when restored, then it is refused', () => {
    expect(() => MerkleTreeBuilder.restore(3, [])).toThrow('a tree of size 3 has 2 subtree roots; got 0');
  });
});
