import { generateCountry } from '@vl/synthetic-country';
import type { DrillOptions } from './plan-types';

export interface RollPrecinct {
  readonly precinctId: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly abroad: boolean;
  /** IANA zone of the precinct's polling hours (abroad, the host city's) */
  readonly timeZone: string;
  /** personal numbers of the eligible residents, in the registry's order */
  readonly voters: string[];
}

/**
 * The finalized lists the drill expects voter-roll to compile from the same synthetic country: residents at
 * least 18 on polling day (an 18th birthday that day counts; 29 February birthdays fall on 1 March in common
 * years), not declared incapable, not in custody.
 */
export function rollOf(options: DrillOptions): RollPrecinct[] {
  const [year, month, day] = options.electionDate.split('-');
  const bornOnOrBefore = `${String(Number(year) - 18).padStart(4, '0')}-${month}-${day}`;
  const precincts = new Map<string, RollPrecinct>();
  for (const entry of generateCountry({ ...options, referenceDate: options.electionDate })) {
    if (entry.kind === 'precinct') {
      const row = entry.row;
      precincts.set(row.precinctCode, {
        precinctId: row.precinctCode,
        regionCode: row.regionCode,
        regionName: row.regionName,
        abroad: row.abroad,
        timeZone: row.timeZone,
        voters: [],
      });
    } else if (entry.kind === 'citizen') {
      const row = entry.row;
      if (row.birthDate <= bornOnOrBefore && !row.declaredIncapable && !row.inCustody)
        precincts.get(row.residencePrecinct)?.voters.push(row.personalNumber);
    }
  }
  return [...precincts.values()];
}
