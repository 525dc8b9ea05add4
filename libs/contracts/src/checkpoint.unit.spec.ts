import { randomBytes } from 'node:crypto';
import { checkpointSchema } from './checkpoint';

const signedHead = {
  origin: 'voting-ledger/turnout',
  treeSize: 1_204_332,
  rootHash: randomBytes(32).toString('base64'),
  keyId: 'turnout-2025-ed25519-1',
  signature: randomBytes(64).toString('base64'),
  publishedAt: '2025-11-30T08:15:00.000Z',
};

describe('checkpoint message schema', () => {
  it('given a SHA-256 root and an Ed25519 signature in base64, when parsed, then the checkpoint is accepted', () => {
    expect(checkpointSchema.safeParse(signedHead).success).toBe(true);
  });

  it.each([
    ['a 33-byte root', { rootHash: randomBytes(33).toString('base64') }, 'rootHash'],
    ['a base64url root', { rootHash: Buffer.alloc(32, 0xfb).toString('base64url') }, 'rootHash'],
    ['a 63-byte signature', { signature: randomBytes(63).toString('base64') }, 'signature'],
    ['a hex signature', { signature: randomBytes(64).toString('hex') }, 'signature'],
    ['a negative tree size', { treeSize: -1 }, 'treeSize'],
  ])('given %s, when parsed, then that field is rejected', (_, change, field) => {
    const result = checkpointSchema.safeParse({ ...signedHead, ...change });

    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });
});
