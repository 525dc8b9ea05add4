import { z } from 'zod';

/** 32 bytes in padded standard base64: 43 characters and one '='. */
const SHA256_BASE64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
/** 64 bytes in padded standard base64: 86 characters and '=='. */
const ED25519_SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

/**
 * A signed tree head of one service's tamper-evident log, published to `<service>.checkpoints.v1`. Not an event:
 * it travels bare (no envelope) because it signs the log the events are in.
 */
export const checkpointSchema = z.strictObject({
  origin: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\s]+$/, 'expected a log identity without spaces, e.g. voting-ledger/voter-roll')
    .describe('Which log this head signs: one origin per service log.'),
  treeSize: z.number().int().min(0).describe('Number of leaves (events) the tree covers, in log order.'),
  rootHash: z
    .string()
    .regex(SHA256_BASE64, 'expected a SHA-256 hash: 32 bytes as padded base64')
    .describe('Merkle tree root (RFC 6962 hashing) over the first treeSize leaves, base64.'),
  keyId: z
    .string()
    .min(1)
    .max(200)
    .describe('Which Ed25519 key signed, so verifiers pick the right public key.'),
  signature: z
    .string()
    .regex(ED25519_SIGNATURE_BASE64, 'expected an Ed25519 signature: 64 bytes as padded base64')
    .describe('Ed25519 signature over the checkpoint (origin, treeSize, rootHash), base64.'),
  publishedAt: z.iso.datetime({ offset: false }).describe('When the head was signed, UTC.'),
});

export type Checkpoint = z.output<typeof checkpointSchema>;

export const CHECKPOINT_KEY_DESCRIPTION = 'origin: the heads of one log are read in order';
