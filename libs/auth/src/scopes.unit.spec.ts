import { NATIONAL, precinctsScope, scopeRefusal, type ScopeTarget, type TokenScope } from './scopes';

const E = '0190a7e4-0000-7000-8000-000000000001';
const OTHER_E = '0190a7e4-0000-7000-8000-000000000002';

describe('scopeRefusal: a token acts only within its scope', () => {
  const precinct = precinctsScope(E, '1101-011', '1101-012');
  const district: TokenScope = { electionId: E, district: '1101' };
  const region: TokenScope = { electionId: E, region: '11' };

  it.each<[string, TokenScope, ScopeTarget, boolean]>([
    ['its own precinct', precinct, { precincts: ['1101-012'] }, true],
    ['another precinct', precinct, { precincts: ['1101-013'] }, false],
    ['a batch with one foreign precinct', precinct, { precincts: ['1101-011', '0101-001'] }, false],
    ['its district', precinct, { district: '1101' }, false],
    ['a precinct of its district', district, { precincts: ['1101-099'] }, true],
    ['a precinct of another district', district, { precincts: ['1102-001'] }, false],
    ['its district figures', district, { district: '1101' }, true],
    ['its region figures', district, { region: '11' }, false],
    ['a district of its region', region, { district: '1102' }, true],
    ['a precinct of its region', region, { precincts: ['1102-001'] }, true],
    ['another region', region, { region: '12' }, false],
    ['the country', region, { country: true }, false],
    ['the election as a whole', precinct, { wholeElection: true }, true],
  ])(
    'given a local scope, when the request is about %s, then admitted is %s',
    (_, scope, target, admitted) => {
      expect(scopeRefusal(scope, E, target) === undefined).toBe(admitted);
    },
  );

  it('given a token of one election, when acting in another, then the refusal names both', () => {
    expect(scopeRefusal(precinct, OTHER_E, { precincts: ['1101-011'] })).toBe(
      `the token serves election ${E}, not ${OTHER_E}`,
    );
  });

  it('given a refusal, when read, then it names the scope the token serves', () => {
    expect(scopeRefusal(precinct, E, { precincts: ['1101-013'] })).toBe(
      `the token serves precincts 1101-011, 1101-012 of election ${E}, not precinct 1101-013`,
    );
  });

  it('given a national token, when the request is about anything, then it is admitted', () => {
    for (const target of [{ country: true }, { precincts: ['0101-001'] }, { region: '99' }] as const)
      expect(scopeRefusal(NATIONAL, OTHER_E, target)).toBeUndefined();
  });

  it('given a precinct check, when timed, then it costs well under a few microseconds', () => {
    const target = { precincts: ['1101-012'] };
    const rounds = 200_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) scopeRefusal(precinct, E, target);
    const nanosEach = Number(process.hrtime.bigint() - started) / rounds;
    expect(nanosEach).toBeLessThan(2000);
  });
});
