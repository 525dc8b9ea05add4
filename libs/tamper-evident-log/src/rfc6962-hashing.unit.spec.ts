import { createHash } from 'node:crypto';
import { toHex } from './hash-encoding';
import { merkleTreeHash } from './merkle-tree-hash';
import { emptyTreeHash, leafHash, leafHashOfCanonicalJson, nodeHash } from './rfc6962-hashing';
import { CT_LEAF_INPUTS, CT_ROOTS, EMPTY_TREE_ROOT } from './rfc6962-test-vectors.fixture';

const ctLeafHashes = CT_LEAF_INPUTS.map((input) => leafHash(Buffer.from(input, 'hex')));

describe('RFC 6962 hashing', () => {
  it('given no leaves, when hashed, then the root is SHA-256 of the empty string', () => {
    expect(toHex(emptyTreeHash())).toBe(EMPTY_TREE_ROOT);
    expect(toHex(merkleTreeHash([]))).toBe(EMPTY_TREE_ROOT);
  });

  it('given the empty entry, when leaf-hashed, then it is SHA-256(0x00)', () => {
    expect(toHex(leafHash(new Uint8Array(0)))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it('given two hashes, when combined, then the node is SHA-256(0x01 || left || right)', () => {
    const [left, right] = [ctLeafHashes[0] as Uint8Array, ctLeafHashes[1] as Uint8Array];
    const expected = createHash('sha256').update(Buffer.of(1)).update(left).update(right).digest('hex');
    expect(toHex(nodeHash(left, right))).toBe(expected);
    expect(toHex(nodeHash(left, right))).toBe(CT_ROOTS[1]);
  });

  it('given the Certificate Transparency reference leaves, when hashed for n = 1..8, then every root matches', () => {
    CT_ROOTS.forEach((root, i) => expect(toHex(merkleTreeHash(ctLeafHashes, 0, i + 1))).toBe(root));
  });

  it('given canonical JSON text, when leaf-hashed directly, then it equals the leaf hash of its UTF-8 bytes', () => {
    const text = '{"precinctId":"Ош-7","type":"VoterCheckedIn"}';
    expect(toHex(leafHashOfCanonicalJson(text))).toBe(toHex(leafHash(Buffer.from(text, 'utf8'))));
  });

  it('given a child that is not a 32-byte hash, when combined, then it is refused', () => {
    expect(() => nodeHash(new Uint8Array(31), new Uint8Array(32))).toThrow(RangeError);
  });
});
