import { generateCountry, type CitizenRow } from '@vl/synthetic-country';
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

/** The finalized lists the drill expects voter-roll to compile from the same synthetic country (`onTheList`). */
export function rollOf(options: DrillOptions): RollPrecinct[] {
  const listed = onTheList(options.electionDate);
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
    } else if (entry.kind === 'citizen' && listed(entry.row))
      precincts.get(entry.row.residencePrecinct)?.voters.push(entry.row.personalNumber);
  }
  return [...precincts.values()];
}

/** The registry rows of the voters on the finalized lists, in the registry's order: what excuses reads of them. */
export function* listedVotersOf(options: DrillOptions): Generator<CitizenRow, void, undefined> {
  const listed = onTheList(options.electionDate);
  for (const entry of generateCountry({ ...options, referenceDate: options.electionDate }))
    if (entry.kind === 'citizen' && listed(entry.row)) yield entry.row;
}

/**
 * On the list: a resident at least 18 on polling day (an 18th birthday that day counts; 29 February birthdays
 * fall on 1 March in common years), not declared incapable, not in custody.
 */
function onTheList(electionDate: string): (row: CitizenRow) => boolean {
  const [year, month, day] = electionDate.split('-');
  const bornOnOrBefore = `${String(Number(year) - 18).padStart(4, '0')}-${month}-${day}`;
  return (row) => row.birthDate <= bornOnOrBefore && !row.declaredIncapable && !row.inCustody;
}
