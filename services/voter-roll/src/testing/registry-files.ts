/** Small, readable civil-registry and geography files for tests, built row by row. */

export interface CitizenFixture {
  readonly sex: 'F' | 'M';
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly serial: number;
  readonly surname?: string;
  readonly givenName?: string;
  readonly patronymic?: string;
  readonly residence?: string;
  readonly declaredIncapable?: boolean;
  readonly inCustody?: boolean;
  readonly registeredDisability?: boolean;
}

/** The personal number docs/civil-registry-csv.md describes: sex digit, DDMMYYYY, 5-digit serial. */
export function personalNumberOf(citizen: Pick<CitizenFixture, 'sex' | 'birthDate' | 'serial'>): string {
  const [year, month, day] = citizen.birthDate.split('-');
  return `${citizen.sex === 'F' ? 1 : 2}${day}${month}${year}${String(citizen.serial).padStart(5, '0')}`;
}

const flag = (value: boolean | undefined) => (value ? '1' : '0');

export const CIVIL_REGISTRY_HEADER =
  'personal_number,surname,given_name,patronymic,birth_date,sex,residence_precinct,declared_incapable,in_custody,registered_disability';

export function citizenLine(citizen: CitizenFixture): string {
  return [
    personalNumberOf(citizen),
    citizen.surname ?? 'Asanov',
    citizen.givenName ?? 'Bakyt',
    citizen.patronymic ?? '',
    citizen.birthDate,
    citizen.sex,
    citizen.residence ?? '0101-001',
    flag(citizen.declaredIncapable),
    flag(citizen.inCustody),
    flag(citizen.registeredDisability),
  ].join(',');
}

export const civilRegistryCsv = (lines: readonly string[]) =>
  [CIVIL_REGISTRY_HEADER, ...lines, ''].join('\n');

export const PRECINCTS_CSV = [
  'precinct_code,region_code,region_name,district_code,district_name,abroad,country,address',
  '0101-001,01,Chüy,0101,Alamüdün,0,KG,"Lebedinovka, school No. 2"',
  '0101-002,01,Chüy,0101,Alamüdün,0,KG,"Köy-Tash, club"',
  '1101-004,11,Bishkek,1101,Sverdlov district,0,KG,"Bishkek, Toktogul 125"',
  '9999-012,99,Abroad,9999,Consular precincts,1,RU,"Moscow, Bolshoy Rzhevsky 5"',
  '',
].join('\n');
