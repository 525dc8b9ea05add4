import { type JSONWebKeySet } from 'jose';
import { NATIONAL, precinctsScope } from './scopes';
import { DEFAULT_MAX_LIFETIMES, maxLifetimeOf, maxLifetimesSchema } from './token-lifetimes';
import { generateSigningKey, mintToken, type SigningKey, type TokenRequest } from './token-minter';
import { TokenVerifier } from './token-verifier';

const issuer = 'voting-ledger';
const ELECTION = '0190a7e4-0000-7000-8000-000000000001';

describe('TokenVerifier: audience, lifetime per role, keys by kid, scope per role', () => {
  let current: SigningKey;
  let previous: SigningKey;
  const now = Date.parse('2030-11-24T03:00:00Z');
  const seconds = now / 1000;
  const verifierFor = (audience: string, keys: JSONWebKeySet = current.publicJwks) =>
    new TokenVerifier({ jwks: keys, issuer, audience, now: () => now });
  const mint = (request: Partial<TokenRequest>, key: SigningKey = current) =>
    mintToken(key.privateJwk, {
      subject: 'op-1',
      roles: ['cec-operator'],
      issuer,
      audience: 'turnout',
      issuedAt: seconds,
      ...request,
    });

  beforeAll(async () => {
    current = await generateSigningKey('key-2030');
    previous = await generateSigningKey('key-2029');
  });

  it('given a token for turnout, when voter-roll verifies it, then it is refused; a token for both passes both', async () => {
    expect(await verifierFor('voter-roll').verify(await mint({}))).toMatchObject({
      ok: false,
      reason: 'token rejected: ERR_JWT_CLAIM_VALIDATION_FAILED',
    });
    const both = await mint({ audience: ['turnout', 'voter-roll'] });
    expect((await verifierFor('voter-roll').verify(both)).ok).toBe(true);
    expect((await verifierFor('turnout').verify(both)).ok).toBe(true);
  });

  it.each([
    ['cec-operator', 12 * 3600],
    ['auditor', 24 * 3600],
    ['citizen:12345678901234', 3600],
    ['poll-worker', 18 * 3600],
  ] as const)(
    'given a %s token one second over %i s, when verified, then it is refused naming the rule',
    async (role, max) => {
      const scope = role === 'poll-worker' ? precinctsScope(ELECTION, '1101-011') : NATIONAL;
      const verifier = verifierFor('turnout');
      expect((await verifier.verify(await mint({ roles: [role], scope, ttlSeconds: max }))).ok).toBe(true);
      const over = await verifier.verify(await mint({ roles: [role], scope, ttlSeconds: max + 1 }));
      expect(over).toEqual({
        ok: false,
        rule: 'max-lifetime',
        reason: `token rejected: its lifetime of ${max + 1} s exceeds ${max} s, the maximum for role ${role}`,
      });
    },
  );

  it('given configured lifetimes, when a token carries two roles, then the strictest applies', async () => {
    const verifier = new TokenVerifier({
      jwks: current.publicJwks,
      issuer,
      audience: 'turnout',
      maxLifetimes: { 'cec-operator': 600, auditor: 86_400 },
      now: () => now,
    });
    expect(maxLifetimeOf(['auditor', 'cec-operator'], { 'cec-operator': 600, auditor: 86_400 })).toEqual({
      seconds: 600,
      role: 'cec-operator',
    });
    const token = await mint({ roles: ['auditor', 'cec-operator'], ttlSeconds: 601 });
    expect(await verifier.verify(token)).toMatchObject({ ok: false, rule: 'max-lifetime' });
  });

  it('given two keys, when tokens name either kid, then each verifies under its own key; an unknown kid is refused', async () => {
    const ring = { keys: [...current.publicJwks.keys, ...previous.publicJwks.keys] };
    const verifier = verifierFor('turnout', ring);
    expect((await verifier.verify(await mint({}, previous))).ok).toBe(true);
    expect((await verifier.verify(await mint({}, current))).ok).toBe(true);
    const stranger = await generateSigningKey('key-unknown');
    expect(await verifier.verify(await mint({}, stranger))).toEqual({
      ok: false,
      rule: 'kid',
      reason: 'token rejected: no trusted key has kid key-unknown',
    });
  });

  it('given a key retired before now, when a token it signed is verified, then it is refused naming the retirement', async () => {
    const retired = { ...previous.publicJwks.keys[0], retiredAt: '2030-11-24T02:00:00Z' };
    const verifier = verifierFor('turnout', { keys: [...current.publicJwks.keys, retired] });
    expect(await verifier.verify(await mint({}, previous))).toEqual({
      ok: false,
      rule: 'retired-key',
      reason: 'token rejected: key key-2029 was retired at 2030-11-24T02:00:00.000Z',
    });
    expect((await verifier.verify(await mint({}, current))).ok).toBe(true);
  });

  it('given a key that retires later, when a remembered token outlives it, then the token is refused from then on', async () => {
    let clock = now;
    const retiring = { ...previous.publicJwks.keys[0], retiredAt: '2030-11-24T04:00:00Z' };
    const verifier = new TokenVerifier({
      jwks: { keys: [retiring] },
      issuer,
      audience: 'turnout',
      now: () => clock,
    });
    const token = await mint({}, previous);
    expect((await verifier.verify(token)).ok).toBe(true);
    clock = Date.parse('2030-11-24T04:00:01Z');
    expect(await verifier.verify(token)).toMatchObject({ ok: false, rule: 'retired-key' });
  });

  it('given local roles, when the token names no local scope, then it is refused; a commission may serve a district', async () => {
    const verifier = verifierFor('turnout');
    expect(await verifier.verify(await mint({ roles: ['poll-worker'] }))).toMatchObject({
      ok: false,
      rule: 'scope',
      reason:
        'token rejected: a poll-worker token names the election and the precincts or territory it serves (scope)',
    });
    expect(
      await verifier.verify(
        await mint({ roles: ['poll-worker'], scope: { electionId: ELECTION, district: '1101' } }),
      ),
    ).toMatchObject({ ok: false, rule: 'scope' });
    const district = await verifier.verify(
      await mint({ roles: ['commission'], scope: { electionId: ELECTION, district: '1101' } }),
    );
    expect(district).toMatchObject({
      ok: true,
      principal: { scope: { electionId: ELECTION, district: '1101' } },
    });
    expect(await verifier.verify(await mint({}))).toMatchObject({ ok: true, principal: { scope: NATIONAL } });
  });
});

describe('AUTH_MAX_LIFETIMES', () => {
  it('given nothing or one role, when parsed, then the defaults stand for the others; an unknown role key is refused', () => {
    expect(maxLifetimesSchema.parse({})).toEqual(DEFAULT_MAX_LIFETIMES);
    expect(maxLifetimesSchema.parse({ auditor: 3600 })).toEqual({ ...DEFAULT_MAX_LIFETIMES, auditor: 3600 });
    expect(maxLifetimesSchema.safeParse({ landlord: 3600 }).success).toBe(false);
    expect(maxLifetimesSchema.parse({ employer: 600 })).toEqual({ ...DEFAULT_MAX_LIFETIMES, employer: 600 });
  });
});
