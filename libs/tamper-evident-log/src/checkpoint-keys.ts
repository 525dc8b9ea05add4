import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { fromCanonicalBase64, toBase64 } from './hash-encoding';
import { err, ok, type Result } from './result';

const ED25519_PUBLIC_KEY_SIZE = 32;
// 8 bytes of SHA-256 are enough to pick a key from a ring; the signature, not the id, is what authenticates
const KEY_ID_SIZE = 8;

/** A log operator's signing key with the id checkpoints name it by. Keep the private key out of exports. */
export interface CheckpointSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A public key as published for auditors; its id is derived from the key, so it checks itself. */
export interface ExportedPublicKey {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  /** The 32 raw Ed25519 public-key bytes, padded standard base64. */
  readonly publicKey: string;
}

/** Trusted checkpoint keys by key id. */
export type CheckpointKeyRing = ReadonlyMap<string, KeyObject>;

export function generateCheckpointSigningKey(): CheckpointSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { keyId: checkpointKeyId(publicKey), privateKey, publicKey };
}

/** The 32 raw bytes of an Ed25519 public key (or of the public half of a private key). */
export function rawPublicKey(key: KeyObject): Uint8Array {
  const publicKey = publicHalf(key);
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`checkpoint keys are Ed25519; got ${publicKey.asymmetricKeyType ?? publicKey.type}`);
  }
  const { x } = publicKey.export({ format: 'jwk' });
  return Buffer.from(x as string, 'base64url');
}

/** Lowercase hex of the first 8 bytes of SHA-256(raw public key). */
export function checkpointKeyId(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest().subarray(0, KEY_ID_SIZE).toString('hex');
}

export function exportPublicKey(key: KeyObject): ExportedPublicKey {
  return { keyId: checkpointKeyId(key), algorithm: 'Ed25519', publicKey: toBase64(rawPublicKey(key)) };
}

/** SPKI PEM, for tools (openssl, other languages) that import keys in that form. */
export function exportPublicKeyPem(key: KeyObject): string {
  return publicHalf(key).export({ format: 'pem', type: 'spki' }).toString();
}

const exportedPublicKeySchema = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 lowercase hex characters'),
  algorithm: z.literal('Ed25519'),
  publicKey: z.string(),
});

/** Parses a published key and checks that its id really is derived from it. */
export function importPublicKey(
  exported: unknown,
): Result<{ readonly keyId: string; readonly publicKey: KeyObject }> {
  const parsed = exportedPublicKeySchema.safeParse(exported);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`public key ${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`);
  }
  const raw = fromCanonicalBase64(parsed.data.publicKey, ED25519_PUBLIC_KEY_SIZE);
  if (raw === undefined) {
    return err('public key publicKey: expected the 32 raw Ed25519 bytes as padded base64 (44 characters)');
  }
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
  const derivedId = checkpointKeyId(publicKey);
  if (derivedId !== parsed.data.keyId) {
    return err(`public key keyId ${parsed.data.keyId} does not match the key, whose id is ${derivedId}`);
  }
  return ok({ keyId: derivedId, publicKey });
}

/** A key ring from public keys, each under its derived id. */
export function checkpointKeyRing(publicKeys: Iterable<KeyObject>): CheckpointKeyRing {
  return new Map(Array.from(publicKeys, (key) => [checkpointKeyId(key), publicHalf(key)] as const));
}

function publicHalf(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}
