import { TestTokens, type ServiceUnderTest } from '@vl/testing';
import { startServiceUnderTest } from '@vl/testing';
import { VoterRollModule } from '../app.module';
import { voterRoll as descriptor } from '../voter-roll.descriptor';

const HOUR = 3600;
// retired an hour before the suite runs, on whatever day that is
const RETIRED_AT = new Date(Math.floor(Date.now() / 1000 - HOUR) * 1000).toISOString();

describe('voter-roll accepts only its own tokens: audience, lifetime per role, keys in force', () => {
  let voterRoll: ServiceUnderTest;
  let retired: TestTokens;
  const precincts = (token: string) =>
    voterRoll.http.get('/precincts').set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    const current = await TestTokens.create('key-in-force', 'voter-roll');
    retired = await TestTokens.create('key-retired', 'voter-roll');
    voterRoll = await startServiceUnderTest({
      descriptor,
      module: (config) => VoterRollModule.register(config),
      tokens: current,
      env: {
        AUTH_JWKS: JSON.stringify({
          keys: [current.publicJwk, { ...retired.publicJwk, retiredAt: RETIRED_AT }],
        }),
        AUTH_MAX_LIFETIMES: JSON.stringify({ auditor: 2 * HOUR }),
      },
    });
  });
  afterAll(() => voterRoll?.close());

  it('given a token for voter-roll, when it reads, then 200; a token for turnout only is 401 naming the rule', async () => {
    expect((await precincts(await voterRoll.token('cec-operator'))).status).toBe(200);
    const forTurnout = await voterRoll.tokens.mintWith({ roles: ['cec-operator'], audience: 'turnout' });
    const refused = await precincts(forTurnout);
    expect([refused.status, refused.body.errors]).toEqual([401, [{ field: 'authorization', rule: 'token' }]]);
    expect(refused.body.message).toBe('Authorization: token rejected: ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it("given tokens longer than their role's maximum (the configured auditor's, the default CEC operator's), when used, then 401 names the rule", async () => {
    const auditor = await voterRoll.tokens.mintWith({ roles: ['auditor'], ttlSeconds: 2 * HOUR + 1 });
    const operator = await voterRoll.tokens.mintWith({ roles: ['cec-operator'], ttlSeconds: 12 * HOUR + 1 });
    for (const token of [auditor, operator]) {
      const refused = await precincts(token);
      expect([refused.status, refused.body.errors]).toEqual([
        401,
        [{ field: 'authorization', rule: 'max-lifetime' }],
      ]);
    }
    expect(
      (await precincts(await voterRoll.tokens.mintWith({ roles: ['auditor'], ttlSeconds: 2 * HOUR }))).status,
    ).toBe(200);
  });

  it('given a token signed by a retired key, when used, then 401 says when the key was retired', async () => {
    const refused = await precincts(await retired.mint('cec-operator'));
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      message: `Authorization: token rejected: key key-retired was retired at ${RETIRED_AT}`,
      errors: [{ field: 'authorization', rule: 'retired-key' }],
    });
  });
});
