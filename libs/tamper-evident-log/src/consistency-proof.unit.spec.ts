import fc from 'fast-check';
import { consistencyProof, verifyConsistency, type ConsistencyClaim } from './consistency-proof';
import { toHex } from './hash-encoding';
import { merkleTreeHash } from './merkle-tree-hash';
import { emptyTreeHash, leafHash } from './rfc6962-hashing';
import { CT_CONSISTENCY_PROOFS, CT_LEAF_INPUTS, CT_ROOTS } from './rfc6962-test-vectors.fixture';

const MAX_SIZE = 300;
const leaves = Array.from({ length: MAX_SIZE }, (_, i) => leafHash(Buffer.from(`event ${i}`)));
const roots = Array.from({ length: MAX_SIZE + 1 }, (_, size) => merkleTreeHash(leaves, 0, size));
const ctLeaves = CT_LEAF_INPUTS.map((input) => leafHash(Buffer.from(input, 'hex')));

const sizes = fc
  .integer({ min: 0, max: MAX_SIZE })
  .chain((newSize) => fc.record({ newSize: fc.constant(newSize), oldSize: fc.nat({ max: newSize }) }));
// a proof with content: 0 < oldSize < newSize
const properSizes = sizes.filter(({ oldSize, newSize }) => oldSize > 0 && oldSize < newSize);

function claimFor(oldSize: number, newSize: number): ConsistencyClaim {
  return {
    oldSize,
    newSize,
    oldRoot: roots[oldSize] as Uint8Array,
    newRoot: roots[newSize] as Uint8Array,
    proof: consistencyProof(oldSize, leaves, newSize),
  };
}

function flipBit(hash: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(hash);
  const at = Math.floor(bit / 8) % copy.length;
  copy[at] = (copy[at] as number) ^ (1 << (bit % 8));
  return copy;
}

describe('consistency proofs (RFC 6962 §2.1.2, verified per RFC 9162 §2.1.4.2)', () => {
  it.each(CT_CONSISTENCY_PROOFS)(
    'given the reference tree, when proving $oldSize is a prefix of $newSize, then the proof is the published one',
    ({ oldSize, newSize, proof }) => {
      expect(consistencyProof(oldSize, ctLeaves, newSize).map(toHex)).toEqual(proof);
      const claim = {
        oldSize,
        newSize,
        oldRoot: Buffer.from(CT_ROOTS[oldSize - 1] as string, 'hex'),
        newRoot: Buffer.from(CT_ROOTS[newSize - 1] as string, 'hex'),
        proof: proof.map((hash) => Buffer.from(hash, 'hex')),
      };
      expect(verifyConsistency(claim)).toBe(true);
    },
  );

  it('given any sizes m <= n, when the proof is generated, then it verifies', () => {
    fc.assert(
      fc.property(sizes, ({ oldSize, newSize }) => {
        expect(verifyConsistency(claimFor(oldSize, newSize))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('given a valid proof, when one bit of one proof hash is flipped, then it fails', () => {
    fc.assert(
      fc.property(properSizes, fc.nat(), fc.nat({ max: 255 }), ({ oldSize, newSize }, which, bit) => {
        const claim = claimFor(oldSize, newSize);
        const proof = claim.proof.map((hash, i) =>
          i === which % claim.proof.length ? flipBit(hash, bit) : hash,
        );
        expect(verifyConsistency({ ...claim, proof })).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('given a valid proof, when the claim lies about sizes or roots, or the proof is cut or padded, then it fails', () => {
    fc.assert(
      fc.property(properSizes, fc.nat({ max: 255 }), ({ oldSize, newSize }, bit) => {
        const claim = claimFor(oldSize, newSize);
        const lies: ConsistencyClaim[] = [
          { ...claim, oldSize: oldSize + 1 },
          { ...claim, oldSize: oldSize - 1 },
          // a size of the same shape is indistinguishable by the proof; the signed checkpoint binds size to root
          { ...claim, newSize: newSize * 2 },
          { ...claim, oldRoot: flipBit(claim.oldRoot, bit) },
          { ...claim, newRoot: flipBit(claim.newRoot, bit) },
          { ...claim, oldRoot: claim.newRoot, newRoot: claim.oldRoot },
          { ...claim, proof: [] },
          { ...claim, proof: claim.proof.slice(0, -1) },
          { ...claim, proof: [...claim.proof, claim.oldRoot] },
          { ...claim, proof: [claim.proof[0] as Uint8Array, ...claim.proof] },
        ];
        if (Math.floor(newSize / 2) > oldSize) lies.push({ ...claim, newSize: Math.floor(newSize / 2) });
        for (const lie of lies) expect(verifyConsistency(lie)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('given trivial claims, when verified, then equal trees and the empty prefix need an empty proof and the right roots', () => {
    const [root3, root5] = [roots[3] as Uint8Array, roots[5] as Uint8Array];
    expect(verifyConsistency({ oldSize: 3, newSize: 3, oldRoot: root3, newRoot: root3, proof: [] })).toBe(
      true,
    );
    expect(verifyConsistency({ oldSize: 3, newSize: 3, oldRoot: root3, newRoot: root5, proof: [] })).toBe(
      false,
    );
    expect(
      verifyConsistency({ oldSize: 3, newSize: 3, oldRoot: root3, newRoot: root3, proof: [root3] }),
    ).toBe(false);
    expect(
      verifyConsistency({ oldSize: 0, newSize: 5, oldRoot: emptyTreeHash(), newRoot: root5, proof: [] }),
    ).toBe(true);
    expect(verifyConsistency({ oldSize: 0, newSize: 5, oldRoot: root3, newRoot: root5, proof: [] })).toBe(
      false,
    );
    expect(verifyConsistency({ oldSize: 5, newSize: 3, oldRoot: root5, newRoot: root3, proof: [] })).toBe(
      false,
    );
  });
});
