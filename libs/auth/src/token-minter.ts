import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Role } from './roles';

export interface SigningKey {
  readonly privateJwk: JWK;
  readonly publicJwks: JSONWebKeySet;
}

/** A fresh Ed25519 key pair for local mode; production keys come from the identity provider. */
export async function generateSigningKey(keyId: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: keyId, alg: 'EdDSA' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid: keyId, alg: 'EdDSA', use: 'sig' };
  return { privateJwk, publicJwks: { keys: [publicJwk] } };
}

export interface TokenRequest {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds?: number;
}

export async function mintToken(signingKey: JWK, request: TokenRequest): Promise<string> {
  const key = await importJWK(signingKey, 'EdDSA');
  return new SignJWT({ roles: [...request.roles] })
    .setProtectedHeader({ alg: 'EdDSA', kid: signingKey.kid ?? 'local' })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 8 * 3600}s`)
    .sign(key);
}
