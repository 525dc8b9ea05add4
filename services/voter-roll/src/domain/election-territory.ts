import type { ElectionTerritory } from '@vl/contracts';

/**
 * What the codes of a territory's precincts start with: a precinct code is NNNN-NNN, its district code the first
 * four digits and its region code the first two (PrecinctRegistered); the whole country is every code.
 */
export function territoryPrefix(territory: ElectionTerritory): string {
  return territory.level === 'country' ? '' : territory.code;
}

/** A precinct's residents are listed for an election only when the precinct is in its territory. */
export function inTerritory(territory: ElectionTerritory, precinctId: string): boolean {
  return precinctId.startsWith(territoryPrefix(territory));
}

/** The territory as the CEC names it in a message: `district 1101`, `the whole country`. */
export function territoryName(territory: ElectionTerritory): string {
  return territory.level === 'country' ? 'the whole country' : `${territory.level} ${territory.code}`;
}
