import type { CitizenRegisteredPayload } from '@vl/contracts';
import { readPersonalNumber } from './personal-number';
import {
  FLAG_RULE,
  isCalendarDate,
  parseFlag,
  textIssue,
  type CsvRow,
  type RowIssue,
  type RowOutcome,
} from './row-issues';

/** A citizen as the civil registry holds them. */
export type CitizenRecord = CitizenRegisteredPayload;

export const CIVIL_REGISTRY_COLUMNS = [
  'personal_number',
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'sex',
  'residence_precinct',
  'declared_incapable',
  'in_custody',
  'registered_disability',
] as const;

/**
 * One row of civil-registry.csv checked against docs/civil-registry-csv.md; every broken rule is reported,
 * and a row with any of them changes nothing.
 */
export function readCitizenRow(
  row: CsvRow,
  precinctKnown: (precinctId: string) => boolean,
): RowOutcome<CitizenRecord> {
  const issues: RowIssue[] = [];
  const issue = (column: string, rule: string | null) => {
    if (rule !== null) issues.push({ column, rule });
  };
  const personalNumber = row['personal_number'] ?? '';
  const birthDate = row['birth_date'] ?? '';
  const sex = row['sex'] ?? '';
  const residence = row['residence_precinct'] ?? '';
  const pin = readPersonalNumber(personalNumber);
  if (!pin.ok) issue('personal_number', pin.rule);
  issue('surname', textIssue(row['surname'] ?? '', 1, 100));
  issue('given_name', textIssue(row['given_name'] ?? '', 1, 100));
  issue('patronymic', textIssue(row['patronymic'] ?? '', 0, 100));
  if (!isCalendarDate(birthDate)) issue('birth_date', 'expected a real date YYYY-MM-DD');
  else if (pin.ok && pin.parts.birthDate !== birthDate)
    issue('birth_date', 'expected the birth date inside the personal number (digits 2 to 9, DDMMYYYY)');
  if (sex !== 'F' && sex !== 'M') issue('sex', 'expected F or M');
  else if (pin.ok && pin.parts.sex !== sex)
    issue('sex', 'expected the sex of the personal number’s first digit (1 F, 2 M)');
  if (!precinctKnown(residence))
    issue('residence_precinct', 'expected a precinct_code registered by precincts.csv');
  const declaredIncapable = parseFlag(row['declared_incapable'] ?? '');
  const inCustody = parseFlag(row['in_custody'] ?? '');
  const registeredDisability = parseFlag(row['registered_disability'] ?? '');
  if (declaredIncapable === null) issue('declared_incapable', FLAG_RULE);
  if (inCustody === null) issue('in_custody', FLAG_RULE);
  if (registeredDisability === null) issue('registered_disability', FLAG_RULE);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      personalNumber,
      surname: row['surname'] as string,
      givenName: row['given_name'] as string,
      patronymic: row['patronymic'] as string,
      birthDate,
      sex: sex as CitizenRecord['sex'],
      residencePrecinctId: residence,
      declaredIncapable: declaredIncapable as boolean,
      inCustody: inCustody as boolean,
      registeredDisability: registeredDisability as boolean,
    },
  };
}
