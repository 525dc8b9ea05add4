import { generateSigningKey, mintToken, type Role, type SigningKey } from '@vl/auth';

/** Bearer tokens for tests, signed by a throwaway key whose public half a service under test trusts. */
export class TestTokens {
  private constructor(private readonly key: SigningKey) {}

  static async create(keyId = 'test'): Promise<TestTokens> {
    return new TestTokens(await generateSigningKey(keyId));
  }

  /** The JWKS document for AUTH_JWKS. */
  get jwks(): string {
    return JSON.stringify(this.key.publicJwks);
  }

  mint(roles: Role | readonly Role[], subject?: string): Promise<string> {
    const held: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
    return mintToken(this.key.privateJwk, {
      subject: subject ?? `test-${held.join('+')}`,
      roles: held,
      issuer: 'voting-ledger',
      audience: 'voting-ledger',
    });
  }
}
