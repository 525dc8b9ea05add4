import { BOUNDARY_BIRTHDAYS, CitizenFactory, type BoundaryBirthday } from './citizen-factory';
import { parseIsoDate, type CivilDate } from './civil-date';
import { CommissionDraw, MIN_COMMISSION_SIZE } from './commission-draw';
import type { CitizenRow, CountryRow, PrecinctRow } from './country-rows';
import { isEligibleOn } from './eligibility';
import { planPrecincts, type PlannedPrecinct } from './precinct-plan';
import { err, ok, type Result } from './result';
import { SeededRandom } from './seeded-random';

export interface CountryOptions {
  /** Any text; the same seed and options give the same rows, byte for byte. */
  readonly seed: string;
  readonly citizens: number;
  /** YYYY-MM-DD: the election day that ages, eligibility and the boundary cases refer to. */
  readonly referenceDate: string;
}

// bump when the output for a given seed changes on purpose, so old and new rolls never look alike
export const GENERATOR_VERSION = 'synthetic-country/1' as const;

// personal numbers hold a 4-digit birth year, and the oldest citizen is about 100
const FIRST_REFERENCE_YEAR = 1950;
const LAST_REFERENCE_YEAR = 2200;

export function parseReferenceDate(text: string): Result<CivilDate> {
  const date = parseIsoDate(text);
  if (!date) return err(`${text}: expected an existing date YYYY-MM-DD`);
  if (date.year < FIRST_REFERENCE_YEAR || date.year > LAST_REFERENCE_YEAR) {
    return err(`${text}: expected a year from ${FIRST_REFERENCE_YEAR} to ${LAST_REFERENCE_YEAR}`);
  }
  return ok(date);
}

/**
 * The whole country as a stream: every precinct first, then precinct by precinct its residents and its
 * commission. Memory is bounded by the number of precincts and birth dates, never by the number of citizens.
 */
export function* generateCountry(options: CountryOptions): Generator<CountryRow, void, undefined> {
  const referenceDate = parseReferenceDate(options.referenceDate);
  if (!referenceDate.ok) throw new RangeError(`referenceDate ${referenceDate.error}`);
  const random = new SeededRandom(`${GENERATOR_VERSION}:${options.seed}`);
  const precincts = planPrecincts(options.citizens, random);
  for (const precinct of precincts) yield { kind: 'precinct', row: precinctRow(precinct) };
  const citizens = new CitizenFactory(random, referenceDate.value);
  for (const [precinctIndex, precinct] of precincts.entries()) {
    yield* precinctResidents(precinct, precinctIndex, citizens, random, referenceDate.value);
  }
}

function* precinctResidents(
  precinct: PlannedPrecinct,
  precinctIndex: number,
  citizens: CitizenFactory,
  random: SeededRandom,
  referenceDate: CivilDate,
): Generator<CountryRow, void, undefined> {
  const code = precinct.precinctCode;
  const commission = new CommissionDraw(code, random);
  // one boundary birthday per precinct, rotating through the kinds: every kind in any roll of 20+ precincts
  const boundary = BOUNDARY_BIRTHDAYS[precinctIndex % BOUNDARY_BIRTHDAYS.length] as BoundaryBirthday;
  for (let index = 0; index < precinct.residents; index++) {
    const citizen: CitizenRow =
      index < MIN_COMMISSION_SIZE
        ? citizens.commissionCandidate(code)
        : index === MIN_COMMISSION_SIZE
          ? citizens.boundaryCase(code, boundary)
          : citizens.resident(code);
    yield { kind: 'citizen', row: citizen };
    const birth = parseIsoDate(citizen.birthDate) as CivilDate;
    if (isEligibleOn(birth, citizen, referenceDate)) commission.consider(citizen.personalNumber);
  }
  for (const member of commission.members()) yield { kind: 'commission-member', row: member };
}

function precinctRow(precinct: PlannedPrecinct): PrecinctRow {
  const { residents: _residents, ...row } = precinct;
  return row;
}
