import {
  generateSigningKey,
  LOCAL_ROLES,
  mintToken,
  precinctsScope,
  type Role,
  type SigningKey,
  type TokenRequest,
  type TokenScope,
} from '@vl/auth';

/**
 * A local token a test names no scope for serves a precinct of no election: an endpoint that checks the role first
 * still answers 403 for a wrong role, and one that acts on a precinct refuses it until the test names the precinct.
 */
export const NOWHERE_SCOPE = precinctsScope('00000000-0000-7000-8000-000000000000', '0000-000');

/** Bearer tokens for tests, signed by a throwaway key whose public half a service under test trusts. */
export class TestTokens {
  private constructor(
    private readonly key: SigningKey,
    /** the service(s) the tokens are for, unless a token says otherwise */
    readonly audience: string | readonly string[],
  ) {}

  static async create(
    keyId = 'test',
    audience: string | readonly string[] = 'voting-ledger',
  ): Promise<TestTokens> {
    return new TestTokens(await generateSigningKey(keyId), audience);
  }

  /** The JWKS document for AUTH_JWKS. */
  get jwks(): string {
    return JSON.stringify(this.key.publicJwks);
  }

  /** The public key as a JWK, to list in another JWKS (a key ring with a retired key). */
  get publicJwk(): SigningKey['publicJwks']['keys'][number] {
    return this.key.publicJwks.keys[0] as SigningKey['publicJwks']['keys'][number];
  }

  /** The private key, for tests that sign what the minter would not (another kid, no expiry). */
  get privateJwk(): SigningKey['privateJwk'] {
    return this.key.privateJwk;
  }

  mint(roles: Role | readonly Role[], subject?: string, scope?: TokenScope): Promise<string> {
    const held: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
    return this.mintWith({ roles: held, subject, scope });
  }

  /** A token with any claim overridden: another audience, a lifetime, an issue time. */
  mintWith(request: Partial<TokenRequest> & Pick<TokenRequest, 'roles'>): Promise<string> {
    const local = request.roles.some((role) => (LOCAL_ROLES as readonly string[]).includes(role));
    return mintToken(this.key.privateJwk, {
      issuer: 'voting-ledger',
      audience: this.audience,
      ...request,
      subject: request.subject ?? `test-${request.roles.join('+')}`,
      scope: request.scope ?? (local ? NOWHERE_SCOPE : undefined),
    });
  }
}
