import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Role } from './roles';
import { isNational, type TokenScope } from './scopes';
import { maxLifetimeOf } from './token-lifetimes';

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
  /** the service(s) the token is for */
  readonly audience: string | readonly string[];
  /** where the token acts; omitted for national tokens */
  readonly scope?: TokenScope;
  /** at most the roles' maximum lifetime (DEFAULT_MAX_LIFETIMES), which is also the default up to 8 h */
  readonly ttlSeconds?: number;
  /** seconds since the epoch; now by default */
  readonly issuedAt?: number;
}

const DEFAULT_TTL_SECONDS = 8 * 3600;

export async function mintToken(signingKey: JWK, request: TokenRequest): Promise<string> {
  const key = await importJWK(signingKey, 'EdDSA');
  const issuedAt = request.issuedAt ?? Math.floor(Date.now() / 1000);
  const ttl = request.ttlSeconds ?? Math.min(DEFAULT_TTL_SECONDS, maxLifetimeOf(request.roles).seconds);
  const scope = request.scope && !isNational(request.scope) ? { scope: request.scope } : {};
  return new SignJWT({ roles: [...request.roles], ...scope })
    .setProtectedHeader({ alg: 'EdDSA', kid: signingKey.kid ?? 'local' })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(typeof request.audience === 'string' ? request.audience : [...request.audience])
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttl)
    .sign(key);
}
