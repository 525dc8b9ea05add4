import { z } from 'zod';

/**
 * Where a token may act (ARCHITECTURE invariant 7), its `scope` claim: the precincts a poll worker or a precinct
 * commission serves, a territorial commission's district or region, all of them in one election; or the whole
 * country (CEC operators, auditors, the Cabinet, ministries, citizens).
 */
export type TokenScope = NationalScope | PrecinctsScope | DistrictScope | RegionScope;
export interface NationalScope {
  readonly national: true;
}
export interface PrecinctsScope {
  readonly electionId: string;
  readonly precincts: readonly string[];
}
export interface DistrictScope {
  readonly electionId: string;
  readonly district: string;
}
export interface RegionScope {
  readonly electionId: string;
  readonly region: string;
}
export type LocalScope = PrecinctsScope | DistrictScope | RegionScope;

export const NATIONAL: NationalScope = { national: true };

const electionId = z.uuid({ error: 'expected the election id (a UUID)' });
// precinct codes are NNNN-NNN: the district code, then the precinct's number; a district's first two digits are its region
const precinct = z.string().regex(/^[0-9]{4}-[0-9]{3}$/, 'expected a precinct code NNNN-NNN');
export const tokenScopeSchema = z.union([
  z.strictObject({ national: z.literal(true) }),
  z.strictObject({ electionId, precincts: z.array(precinct).min(1).max(100) }),
  z.strictObject({ electionId, district: z.string().regex(/^[0-9]{4}$/, 'expected a district code NNNN') }),
  z.strictObject({ electionId, region: z.string().regex(/^[0-9]{2}$/, 'expected a region code NN') }),
]);

export const isNational = (scope: TokenScope): scope is NationalScope => 'national' in scope;

export function precinctsScope(electionId: string, ...precincts: [string, ...string[]]): PrecinctsScope {
  return { electionId, precincts };
}

/** What one request is about, as the endpoint's scope declaration resolves it. */
export type ScopeTarget =
  | { readonly precincts: readonly string[] }
  | { readonly district: string }
  | { readonly region: string }
  | { readonly country: true }
  /** election-wide figures every official of the election may read (its hours, open data) */
  | { readonly wholeElection: true };

export const districtOf = (precinctId: string): string => precinctId.slice(0, 4);
export const regionOf = (territoryCode: string): string => territoryCode.slice(0, 2);

/** Why the scope does not admit the target, or undefined when it does; pure and allocation-free on success. */
export function scopeRefusal(
  scope: TokenScope,
  requestElectionId: string | undefined,
  target: ScopeTarget,
): string | undefined {
  if (isNational(scope)) return undefined;
  if (requestElectionId !== undefined && requestElectionId !== scope.electionId)
    return `the token serves election ${scope.electionId}, not ${requestElectionId}`;
  if ('wholeElection' in target) return undefined;
  if ('country' in target) return `the token serves ${describeScope(scope)}; this is a national operation`;
  if ('precincts' in target) {
    for (const precinctId of target.precincts) {
      if (!coversPrecinct(scope, precinctId))
        return `the token serves ${describeScope(scope)}, not precinct ${precinctId}`;
    }
    return undefined;
  }
  if ('district' in target) {
    const covered =
      'district' in scope
        ? scope.district === target.district
        : 'region' in scope && regionOf(target.district) === scope.region;
    return covered ? undefined : `the token serves ${describeScope(scope)}, not district ${target.district}`;
  }
  return 'region' in scope && scope.region === target.region
    ? undefined
    : `the token serves ${describeScope(scope)}, not region ${target.region}`;
}

function coversPrecinct(scope: LocalScope, precinctId: string): boolean {
  if ('precincts' in scope) return scope.precincts.includes(precinctId);
  if ('district' in scope) return districtOf(precinctId) === scope.district;
  return regionOf(precinctId) === scope.region;
}

export function describeScope(scope: TokenScope): string {
  if (isNational(scope)) return 'the whole country';
  if ('precincts' in scope)
    return `${scope.precincts.length === 1 ? 'precinct' : 'precincts'} ${scope.precincts.join(', ')} of election ${scope.electionId}`;
  if ('district' in scope) return `district ${scope.district} of election ${scope.electionId}`;
  return `region ${scope.region} of election ${scope.electionId}`;
}
