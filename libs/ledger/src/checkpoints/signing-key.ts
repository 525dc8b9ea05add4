import { createPrivateKey, type KeyObject } from 'node:crypto';

/** The service's Ed25519 checkpoint key from configuration: PKCS#8 PEM, or its DER as base64. */
export function parseSigningKey(value: string): KeyObject {
  const key = value.includes('BEGIN')
    ? createPrivateKey({ key: value, format: 'pem' })
    : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}
