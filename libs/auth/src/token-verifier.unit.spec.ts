import { SignJWT, importJWK } from 'jose';
import { generateSigningKey, mintToken, type SigningKey } from './token-minter';
import { precinctsScope } from './scopes';
import { TokenVerifier } from './token-verifier';

const issuer = 'test-issuer';
const audience = 'turnout';
const SCOPE = precinctsScope('0190a7e4-0000-7000-8000-000000000001', '1101-011');

describe('TokenVerifier: a verified token is remembered until its own expiry', () => {
  let key: SigningKey;
  let now: number;
  let verifier: TokenVerifier;
  const pollWorkerToken = (ttlSeconds: number) =>
    mintToken(key.privateJwk, {
      subject: 'pw-1',
      roles: ['poll-worker'],
      issuer,
      audience,
      ttlSeconds,
      scope: SCOPE,
    });

  beforeAll(async () => {
    key = await generateSigningKey('test-key');
  });
  beforeEach(() => {
    now = Date.now();
    verifier = new TokenVerifier({ jwks: key.publicJwks, issuer, audience, now: () => now });
  });

  it('given a verified token, when presented again, then it gives the same principal', async () => {
    const token = await pollWorkerToken(60);
    const first = await verifier.verify(token);
    const second = await verifier.verify(token);
    expect(first).toEqual({
      ok: true,
      principal: { subject: 'pw-1', roles: ['poll-worker'], scope: SCOPE, expiresAt: expect.any(Number) },
    });
    expect(second).toEqual(first);
  });

  it('given a remembered token, when its expiry passes, then it is rejected as expired', async () => {
    const token = await pollWorkerToken(60);
    expect((await verifier.verify(token)).ok).toBe(true);
    now += 59_000;
    expect((await verifier.verify(token)).ok).toBe(true);
    now += 2_000;
    const expired = { ok: false, rule: 'token', reason: 'token rejected: ERR_JWT_EXPIRED' };
    expect(await verifier.verify(token)).toEqual(expired);
    expect(await verifier.verify(token)).toEqual(expired);
  });

  it('given a remembered token, when its signature is altered, then the altered bytes are rejected', async () => {
    const token = await pollWorkerToken(60);
    expect((await verifier.verify(token)).ok).toBe(true);
    const forged = `${token.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
    expect(await verifier.verify(forged)).toEqual({
      ok: false,
      rule: 'token',
      reason: 'token rejected: ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });

  it('given a token without an expiry, when verified, then it is rejected naming the missing claim', async () => {
    const signed = await new SignJWT({ roles: ['poll-worker'], scope: SCOPE })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'test-key' })
      .setIssuedAt()
      .setSubject('pw-1')
      .setIssuer(issuer)
      .setAudience(audience)
      .sign(await importJWK(key.privateJwk, 'EdDSA'));
    const verification = await verifier.verify(signed);
    expect(verification.ok).toBe(false);
    expect(verification.ok ? '' : verification.reason).toMatch(/^token claims are invalid: .*/);
  });

  it('given a cache of one, when two tokens alternate, then both stay valid', async () => {
    const small = new TokenVerifier({ jwks: key.publicJwks, issuer, audience, verifiedTokenCache: 1 });
    const [a, b] = [await pollWorkerToken(60), await pollWorkerToken(120)];
    for (const token of [a, b, a, b]) expect((await small.verify(token)).ok).toBe(true);
  });
});
