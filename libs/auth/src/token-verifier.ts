import {
  decodeProtectedHeader,
  errors,
  importJWK,
  jwtVerify,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { z } from 'zod';
import type { Principal } from './access-rules';
import { LOCAL_ROLES, roleSchema, type Role } from './roles';
import { isNational, NATIONAL, tokenScopeSchema, type TokenScope } from './scopes';
import { DEFAULT_MAX_LIFETIMES, maxLifetimeOf } from './token-lifetimes';

export interface AuthOptions {
  /** the public keys by `kid`; a key with `retiredAt` (ISO instant) verifies no token after that instant */
  readonly jwks: JSONWebKeySet;
  readonly issuer: string;
  /** this service's audience: a token is accepted only when its `aud` names it */
  readonly audience: string;
  /** the longest `exp - iat` per role key, in seconds (DEFAULT_MAX_LIFETIMES) */
  readonly maxLifetimes?: Readonly<Record<string, number>>;
  /** how many verified tokens are remembered until they expire (0: verify every request) */
  readonly verifiedTokenCache?: number;
  /** the clock that tells whether a remembered token has expired */
  readonly now?: () => number;
}

export type Verification =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly reason: string; readonly rule: string };

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(roleSchema).min(1),
  exp: z.number().int().positive(),
  iat: z
    .number()
    .int()
    .positive({ error: 'expected iat: the lifetime of a token is checked against its role' }),
  scope: tokenScopeSchema.optional(),
});

const DEFAULT_CACHE = 10_000;

interface TrustedKey {
  readonly key: CryptoKey | Uint8Array;
  readonly retiredAtMs: number;
}

interface Verified {
  readonly principal: Principal;
  /** the token's expiry or its key's retirement, whichever comes first */
  readonly validUntilMs: number;
}

const refused = (rule: string, reason: string): Verification => ({ ok: false, rule, reason });

/**
 * Verifies an Ed25519-signed JWT against configured public keys; failures are reasons, not throws. The key is
 * picked by `kid`; the audience must be this service; the lifetime must not exceed the role's maximum; the scope
 * must suit the roles. A poll book sends the same token with every check-in: the exact bytes, once verified, are
 * remembered until the token expires or its key retires, so the signature is checked once per token.
 */
export class TokenVerifier {
  private keys: Map<string, TrustedKey> | undefined;
  private readonly verified = new Map<string, Verified>();
  private readonly capacity: number;
  private readonly now: () => number;
  private readonly maxLifetimes: Readonly<Record<string, number>>;

  constructor(private readonly options: AuthOptions) {
    this.capacity = options.verifiedTokenCache ?? DEFAULT_CACHE;
    this.now = options.now ?? Date.now;
    this.maxLifetimes = options.maxLifetimes ?? DEFAULT_MAX_LIFETIMES;
  }

  get audience(): string {
    return this.options.audience;
  }

  async verify(token: string): Promise<Verification> {
    const remembered = this.verified.get(token);
    if (remembered) {
      if (remembered.validUntilMs > this.now()) return { ok: true, principal: remembered.principal };
      this.verified.delete(token);
      return this.verifyAnew(token);
    }
    return this.verifyAnew(token);
  }

  private async verifyAnew(token: string): Promise<Verification> {
    let kid: string | undefined;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      return refused('token', 'token rejected: ERR_JWS_INVALID');
    }
    if (!kid) return refused('kid', 'token rejected: the header names no signing key (kid)');
    const trusted = (await this.trustedKeys()).get(kid);
    if (!trusted) return refused('kid', `token rejected: no trusted key has kid ${kid}`);
    if (trusted.retiredAtMs <= this.now())
      return refused(
        'retired-key',
        `token rejected: key ${kid} was retired at ${new Date(trusted.retiredAtMs).toISOString()}`,
      );
    try {
      const { payload } = await jwtVerify(token, trusted.key, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['EdDSA'],
        currentDate: new Date(this.now()),
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success)
        return refused('claims', `token claims are invalid: ${claims.error.issues[0]?.message}`);
      const { sub, exp, iat, scope } = claims.data;
      const roles = claims.data.roles as Role[];
      const longest = maxLifetimeOf(roles, this.maxLifetimes);
      if (exp - iat > longest.seconds)
        return refused(
          'max-lifetime',
          `token rejected: its lifetime of ${exp - iat} s exceeds ${longest.seconds} s, the maximum for role ${longest.role}`,
        );
      const scopeProblem = scopeMismatch(roles, scope);
      if (scopeProblem) return refused('scope', `token rejected: ${scopeProblem}`);
      const principal: Principal = { subject: sub, roles, scope: scope ?? NATIONAL, expiresAt: exp };
      this.remember(token, { principal, validUntilMs: Math.min(exp * 1000, trusted.retiredAtMs) });
      return { ok: true, principal };
    } catch (error) {
      if (error instanceof errors.JOSEError) return refused('token', `token rejected: ${error.code}`);
      throw error;
    }
  }

  private async trustedKeys(): Promise<Map<string, TrustedKey>> {
    if (this.keys) return this.keys;
    const keys = new Map<string, TrustedKey>();
    for (const jwk of this.options.jwks.keys as (JWK & { retiredAt?: string })[]) {
      if (!jwk.kid) throw new Error('every key in AUTH_JWKS names its kid');
      const retiredAtMs = jwk.retiredAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(jwk.retiredAt);
      if (Number.isNaN(retiredAtMs)) throw new Error(`key ${jwk.kid}: retiredAt is not an ISO instant`);
      keys.set(jwk.kid, { key: await importJWK(jwk, 'EdDSA'), retiredAtMs });
    }
    this.keys = keys;
    return keys;
  }

  // insertion order is age order: the oldest entry goes first when the cache is full
  private remember(token: string, verified: Verified): void {
    if (this.capacity === 0) return;
    if (this.verified.size >= this.capacity) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(token, verified);
  }
}

// a poll worker serves precincts; a commission its precincts or territory; other roles act nationally or narrower
function scopeMismatch(roles: readonly Role[], scope: TokenScope | undefined): string | undefined {
  for (const role of roles) {
    if (!(LOCAL_ROLES as readonly string[]).includes(role)) continue;
    if (!scope || isNational(scope))
      return `a ${role} token names the election and the precincts or territory it serves (scope)`;
    if (role === 'poll-worker' && !('precincts' in scope))
      return 'a poll-worker token names the precincts it serves (scope.precincts)';
  }
  return undefined;
}
