import type { Principal } from '@vl/auth';
import type { RevokerReach } from '../domain/revoke-check-in';

const EVERYWHERE: RevokerReach = { everywhere: true };

type ScopeClaim =
  | { readonly national: true }
  | { readonly electionId: string; readonly precincts: readonly string[] }
  | { readonly electionId: string; readonly district: string }
  | { readonly electionId: string; readonly region: string };

/**
 * Which check-ins the token's holder may withdraw in this election: the precincts its scope claim serves (a
 * district's or region's when a territorial commission's), every one when national. Read from the principal as
 * presented, so a scope this code does not know serves no precinct.
 */
export function revokerReach(principal: Principal, electionId: string): RevokerReach {
  const scope = (principal as { readonly scope?: unknown }).scope as Partial<ScopeClaim> | undefined;
  // tokens minted before scopes existed name none and act nationally, as the guard reads them
  if (scope === undefined || scope === null || ('national' in scope && scope.national === true))
    return EVERYWHERE;
  const inElection = 'electionId' in scope && scope.electionId === electionId;
  if (inElection && 'precincts' in scope && Array.isArray(scope.precincts)) {
    const precincts: readonly string[] = scope.precincts;
    return {
      serves: (precinctId) => precincts.includes(precinctId),
      described: `${precincts.length === 1 ? 'precinct' : 'precincts'} ${precincts.join(', ')}`,
    };
  }
  if (inElection && 'district' in scope && typeof scope.district === 'string') {
    const district = scope.district;
    return { serves: (precinctId) => precinctId.slice(0, 4) === district, described: `district ${district}` };
  }
  if (inElection && 'region' in scope && typeof scope.region === 'string') {
    const region = scope.region;
    return { serves: (precinctId) => precinctId.slice(0, 2) === region, described: `region ${region}` };
  }
  return { serves: () => false, described: 'no precinct of this election' };
}
