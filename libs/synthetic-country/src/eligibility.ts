import { ageOn, type CivilDate } from './civil-date';

/** Voting age: the draft law's "at least 18 on election day". */
export const VOTING_AGE = 18;

export interface RegistryStanding {
  readonly declaredIncapable: boolean;
  readonly inCustody: boolean;
}

/**
 * Eligible on `electionDay`: at least 18 that day (an 18th birthday on election day counts), not declared
 * incapable by a court, not serving a custodial sentence.
 */
export function isEligibleOn(birth: CivilDate, standing: RegistryStanding, electionDay: CivilDate): boolean {
  return ageOn(birth, electionDay) >= VOTING_AGE && !standing.declaredIncapable && !standing.inCustody;
}
