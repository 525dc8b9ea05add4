import { createHash } from 'node:crypto';
import { toHex } from './hash-encoding';
import { MerkleTreeBuilder } from './merkle-tree-builder';
import { merkleTreeHash } from './merkle-tree-hash';

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
