import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Test-only, written apart from the generator's own date and eligibility code so a recount can disagree.

/** A parsed personal number, or the rule it breaks. */
export type PersonalNumberCheck =
  | { readonly valid: true; readonly sex: 'F' | 'M'; readonly birthDate: string; readonly serial: number }
  | { readonly valid: false; readonly rule: string };

/**
 * The rules the generator promises: 14 digits; digit 1 the sex (1 female, 2 male); digits 2-9 the birth date
 * DDMMYYYY, an existing calendar date; digits 10-14 a serial from 00001 to 99999. No check digit.
 */
export function checkPersonalNumber(pin: string): PersonalNumberCheck {
  if (!/^\d{14}$/.test(pin)) return { valid: false, rule: 'expected exactly 14 digits' };
  const sexDigit = pin[0];
  if (sexDigit !== '1' && sexDigit !== '2') return { valid: false, rule: 'first digit must be 1 or 2' };
  const [day, month, year] = [pin.slice(1, 3), pin.slice(3, 5), pin.slice(5, 9)].map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { valid: false, rule: 'digits 2-9 must be an existing date DDMMYYYY' };
  }
  const serial = Number(pin.slice(9));
  if (serial < 1) return { valid: false, rule: 'serial must be 00001 or more' };
  const birthDate = `${pin.slice(5, 9)}-${pin.slice(3, 5)}-${pin.slice(1, 3)}`;
  return { valid: true, sex: sexDigit === '1' ? 'F' : 'M', birthDate, serial };
}

function isLeap(year: number): boolean {
  return new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
}

/** The date a person born on `birthDate` turns `age`; 29 February moves to 1 March in common years. */
export function turnsAgeOn(birthDate: string, age: number): string {
  const year = Number(birthDate.slice(0, 4)) + age;
  const monthDay = birthDate.slice(5) === '02-29' && !isLeap(year) ? '03-01' : birthDate.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

export type CsvRecord = Readonly<Record<string, string>>;

export function readCsv(dir: string, fileName: string): CsvRecord[] {
  return parse(readFileSync(join(dir, fileName)), { columns: true, skip_empty_lines: false }) as CsvRecord[];
}

export interface Recount {
  readonly citizens: number;
  readonly eligible: number;
  readonly eligibleOver70: number;
  readonly commissionMembers: number;
  readonly eligibleByPrecinct: Readonly<Record<string, number>>;
}

/** Eligibility as the draft law states it, counted straight from the files. */
export function recountFromFiles(dir: string, referenceDate: string): Recount {
  const eligibleByPrecinct: Record<string, number> = {};
  for (const precinct of readCsv(dir, 'precincts.csv'))
    eligibleByPrecinct[precinct.precinct_code as string] = 0;
  let citizens = 0;
  let eligible = 0;
  let eligibleOver70 = 0;
  for (const citizen of readCsv(dir, 'civil-registry.csv')) {
    citizens += 1;
    const birthDate = citizen.birth_date as string;
    const adult = turnsAgeOn(birthDate, 18) <= referenceDate;
    if (!adult || citizen.declared_incapable === '1' || citizen.in_custody === '1') continue;
    eligible += 1;
    if (turnsAgeOn(birthDate, 70) < referenceDate) eligibleOver70 += 1;
    const precinct = citizen.residence_precinct as string;
    eligibleByPrecinct[precinct] = (eligibleByPrecinct[precinct] ?? 0) + 1;
  }
  const commissionMembers = readCsv(dir, 'commission-members.csv').length;
  return { citizens, eligible, eligibleOver70, commissionMembers, eligibleByPrecinct };
}
