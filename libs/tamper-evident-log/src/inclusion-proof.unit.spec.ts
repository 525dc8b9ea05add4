import fc from 'fast-check';
import { toHex } from './hash-encoding';
import { inclusionProof, verifyInclusion, type InclusionClaim } from './inclusion-proof';
import { merkleTreeHash } from './merkle-tree-hash';
import { leafHash } from './rfc6962-hashing';
import { CT_INCLUSION_PROOFS, CT_LEAF_INPUTS, CT_ROOTS } from './rfc6962-test-vectors.fixture';

const MAX_SIZE = 300;
const leaves = Array.from({ length: MAX_SIZE }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
const roots = Array.from({ length: MAX_SIZE + 1 }, (_, size) => merkleTreeHash(leaves, 0, size));
const ctLeaves = CT_LEAF_INPUTS.map((input) => leafHash(Buffer.from(input, 'hex')));

const indexAndSize = fc
  .integer({ min: 1, max: MAX_SIZE })
  .chain((treeSize) =>
    fc.record({ treeSize: fc.constant(treeSize), leafIndex: fc.nat({ max: treeSize - 1 }) }),
  );

function claimFor(leafIndex: number, treeSize: number): InclusionClaim {
  return {
    leafIndex,
    treeSize,
    leafHash: leaves[leafIndex] as Uint8Array,
    proof: inclusionProof(leafIndex, leaves, treeSize),
    rootHash: roots[treeSize] as Uint8Array,
  };
}

function flipBit(hash: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(hash);
  const at = Math.floor(bit / 8) % copy.length;
  copy[at] = (copy[at] as number) ^ (1 << (bit % 8));
  return copy;
}

describe('inclusion proofs (RFC 6962 §2.1.1, verified per RFC 9162 §2.1.3.2)', () => {
  it.each(CT_INCLUSION_PROOFS)(
    'given the reference tree, when proving leaf $leafIndex of $treeSize, then the path is the published one',
    ({ leafIndex, treeSize, proof }) => {
      expect(inclusionProof(leafIndex, ctLeaves, treeSize).map(toHex)).toEqual(proof);
      const rootHash = Buffer.from(CT_ROOTS[treeSize - 1] as string, 'hex');
      const claim = { leafIndex, treeSize, leafHash: ctLeaves[leafIndex] as Uint8Array, rootHash };
      expect(verifyInclusion({ ...claim, proof: proof.map((hash) => Buffer.from(hash, 'hex')) })).toBe(true);
    },
  );

  it('given any leaf of any tree size, when its proof is generated, then it verifies', () => {
    fc.assert(
      fc.property(indexAndSize, ({ leafIndex, treeSize }) => {
        expect(verifyInclusion(claimFor(leafIndex, treeSize))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('given a valid proof, when one bit of one path hash is flipped, then it fails', () => {
    const withPath = indexAndSize.filter(({ treeSize }) => treeSize > 1);
    fc.assert(
      fc.property(withPath, fc.nat(), fc.nat({ max: 255 }), ({ leafIndex, treeSize }, which, bit) => {
        const claim = claimFor(leafIndex, treeSize);
        const proof = claim.proof.map((hash, i) =>
          i === which % claim.proof.length ? flipBit(hash, bit) : hash,
        );
        expect(verifyInclusion({ ...claim, proof })).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('given a valid proof, when the claim lies about index, size, leaf or root, or the path is cut or padded, then it fails', () => {
    fc.assert(
      fc.property(indexAndSize, fc.nat({ max: 255 }), ({ leafIndex, treeSize }, bit) => {
        const claim = claimFor(leafIndex, treeSize);
        const lies: InclusionClaim[] = [
          { ...claim, leafIndex: leafIndex + 1 },
          { ...claim, leafIndex: leafIndex - 1 },
          // a size of the same shape is indistinguishable by the path; the signed checkpoint binds size to root
          { ...claim, treeSize: treeSize * 2 },
          { ...claim, leafHash: flipBit(claim.leafHash, bit) },
          { ...claim, rootHash: flipBit(claim.rootHash, bit) },
          { ...claim, proof: [...claim.proof, claim.rootHash] },
          { ...claim, proof: [claim.leafHash, ...claim.proof] },
          { ...claim, proof: [...claim.proof, new Uint8Array(0)] },
        ];
        if (claim.proof.length > 0) lies.push({ ...claim, proof: claim.proof.slice(0, -1) });
        if (treeSize > 1) lies.push({ ...claim, treeSize: Math.floor(treeSize / 2) });
        for (const lie of lies) expect(verifyInclusion(lie)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('given an index outside the tree, when a proof is requested, then it is refused', () => {
    expect(() => inclusionProof(5, leaves, 5)).toThrow(RangeError);
    expect(() => inclusionProof(0, leaves, 0)).toThrow(RangeError);
    expect(() => inclusionProof(0, leaves, MAX_SIZE + 1)).toThrow(RangeError);
  });
});
