import type { CitizenRow, CommissionMemberRow, PrecinctRow } from './country-rows';

/** RFC 4180 line ending. */
export const CSV_LINE_END = '\r\n';

const NEEDS_QUOTES = /[",\r\n]/;

/** One field per RFC 4180: quoted when it holds a comma, a quote or a line break, inner quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CSV_LINE_END;
}

const flag = (value: boolean): string => (value ? '1' : '0');

/** A file's columns, in the order docs/civil-registry-csv.md lists them, and how a row fills them. */
export interface CsvLayout<TRow> {
  readonly fileName: string;
  readonly header: readonly string[];
  readonly fields: (row: TRow) => readonly string[];
}

export const PRECINCTS_CSV: CsvLayout<PrecinctRow> = {
  fileName: 'precincts.csv',
  header: [
    'precinct_code',
    'region_code',
    'region_name',
    'district_code',
    'district_name',
    'abroad',
    'country',
    'address',
    'time_zone',
  ],
  fields: (row) => [
    row.precinctCode,
    row.regionCode,
    row.regionName,
    row.districtCode,
    row.districtName,
    flag(row.abroad),
    row.country,
    row.address,
    row.timeZone,
  ],
};

export const COMMISSION_MEMBERS_CSV: CsvLayout<CommissionMemberRow> = {
  fileName: 'commission-members.csv',
  header: ['precinct_code', 'personal_number', 'position'],
  fields: (row) => [row.precinctCode, row.personalNumber, row.position],
};

export const CIVIL_REGISTRY_CSV: CsvLayout<CitizenRow> = {
  fileName: 'civil-registry.csv',
  header: [
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
  ],
  fields: (row) => [
    row.personalNumber,
    row.surname,
    row.givenName,
    row.patronymic,
    row.birthDate,
    row.sex,
    row.residencePrecinct,
    flag(row.declaredIncapable),
    flag(row.inCustody),
    flag(row.registeredDisability),
  ],
};
