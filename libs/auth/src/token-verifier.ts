import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import type { Principal } from './access-rules';
import { roleSchema, type Role } from './roles';

export interface AuthOptions {
  readonly jwks: JSONWebKeySet;
  readonly issuer: string;
  readonly audience: string;
}

export type Verification =
  { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly reason: string };

const claimsSchema = z.object({ sub: z.string().min(1), roles: z.array(roleSchema).min(1) });

/** Verifies an Ed25519-signed JWT against configured public keys; failures are reasons, not throws. */
export class TokenVerifier {
  private readonly keySet: ReturnType<typeof createLocalJWKSet>;

  constructor(private readonly options: AuthOptions) {
    this.keySet = createLocalJWKSet(options.jwks);
  }

  async verify(token: string): Promise<Verification> {
    try {
      const { payload } = await jwtVerify(token, this.keySet, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['EdDSA'],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success)
        return { ok: false, reason: `token claims are invalid: ${claims.error.issues[0]?.message}` };
      return { ok: true, principal: { subject: claims.data.sub, roles: claims.data.roles as Role[] } };
    } catch (error) {
      if (error instanceof errors.JOSEError) return { ok: false, reason: `token rejected: ${error.code}` };
      throw error;
    }
  }
}
