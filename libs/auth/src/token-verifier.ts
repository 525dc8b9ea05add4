import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import type { Principal } from './access-rules';
import { roleSchema, type Role } from './roles';

export interface AuthOptions {
  readonly jwks: JSONWebKeySet;
  readonly issuer: string;
  readonly audience: string;
  /** how many verified tokens are remembered until they expire (0: verify every request) */
  readonly verifiedTokenCache?: number;
  /** the clock that tells whether a remembered token has expired */
  readonly now?: () => number;
}

export type Verification =
  { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: string };

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(roleSchema).min(1),
  exp: z.number().int().positive(),
});

const DEFAULT_CACHE = 10_000;

interface Verified {
  readonly principal: Principal;
  readonly expiresAtMs: number;
}

/**
 * Verifies an Ed25519-signed JWT against configured public keys; failures are reasons, not throws.
 * A poll book sends the same token with every check-in: the exact bytes, once verified, are remembered until
 * the token's own expiry, so the signature is checked once per token rather than once per request.
 */
export class TokenVerifier {
  private readonly keySet: ReturnType<typeof createLocalJWKSet>;
  private readonly verified = new Map<string, Verified>();
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(private readonly options: AuthOptions) {
    this.keySet = createLocalJWKSet(options.jwks);
    this.capacity = options.verifiedTokenCache ?? DEFAULT_CACHE;
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<Verification> {
    const remembered = this.verified.get(token);
    if (remembered) {
      if (remembered.expiresAtMs > this.now()) return { ok: true, principal: remembered.principal };
      this.verified.delete(token);
      return { ok: false, reason: 'token rejected: ERR_JWT_EXPIRED' };
    }
    try {
      const { payload } = await jwtVerify(token, this.keySet, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['EdDSA'],
        currentDate: new Date(this.now()),
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success)
        return { ok: false, reason: `token claims are invalid: ${claims.error.issues[0]?.message}` };
      const principal = { subject: claims.data.sub, roles: claims.data.roles as Role[] };
      this.remember(token, { principal, expiresAtMs: claims.data.exp * 1000 });
      return { ok: true, principal };
    } catch (error) {
      if (error instanceof errors.JOSEError) return { ok: false, reason: `token rejected: ${error.code}` };
      throw error;
    }
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
