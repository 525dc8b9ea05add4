import { HOME_TIME_ZONE, ianaTimeZone, type PrecinctRegisteredPayload } from '@vl/contracts';
import { parseFlag, textIssue, type CsvRow, type RowIssue, type RowOutcome } from './row-issues';

export type Precinct = PrecinctRegisteredPayload;

export const PRECINCT_COLUMNS = [
  'precinct_code',
  'region_code',
  'region_name',
  'district_code',
  'district_name',
  'abroad',
  'country',
  'address',
] as const;

/** A file without it keeps every precinct on the home country's hours (docs/civil-registry-csv.md). */
export const OPTIONAL_PRECINCT_COLUMNS = ['time_zone'] as const;

const timeZoneFormat = ianaTimeZone();

// docs/civil-registry-csv.md: 01–07 the seven regions, 11 Bishkek city, 12 Osh city, 99 abroad
export const REGION_CODES = ['01', '02', '03', '04', '05', '06', '07', '11', '12', '99'] as const;
export const ABROAD_REGION = '99';
export const HOME_COUNTRY = 'KG';

/** One row of precincts.csv checked against docs/civil-registry-csv.md; uniqueness is the file's concern. */
export function readPrecinctRow(row: CsvRow): RowOutcome<Precinct> {
  const issues: RowIssue[] = [];
  const issue = (column: string, rule: string | null) => {
    if (rule !== null) issues.push({ column, rule });
  };
  const code = row['precinct_code'] ?? '';
  const region = row['region_code'] ?? '';
  const district = row['district_code'] ?? '';
  const country = row['country'] ?? '';
  const abroad = parseFlag(row['abroad'] ?? '');
  const codeWellFormed = /^[0-9]{4}-[0-9]{3}$/.test(code);
  issue('precinct_code', codeWellFormed ? null : 'expected NNNN-NNN (district code, precinct number)');
  const regionKnown = (REGION_CODES as readonly string[]).includes(region);
  issue('region_code', regionKnown ? null : `expected one of ${REGION_CODES.join(', ')}`);
  issue('region_name', textIssue(row['region_name'] ?? '', 1, 100));
  if (!/^[0-9]{4}$/.test(district)) issue('district_code', 'expected NNNN');
  else if (regionKnown && !district.startsWith(region))
    issue('district_code', 'expected its first two digits to be the region code');
  else if (codeWellFormed && !code.startsWith(`${district}-`))
    issue('precinct_code', 'expected the district code as its first four digits');
  issue('district_name', textIssue(row['district_name'] ?? '', 1, 100));
  if (abroad === null) issue('abroad', 'expected 0 or 1');
  else if (regionKnown && abroad !== (region === ABROAD_REGION))
    issue('abroad', `expected 1 exactly for region ${ABROAD_REGION} (abroad), 0 otherwise`);
  if (abroad === true && !/^[A-Z]{2}$/.test(country)) issue('country', 'expected an ISO 3166-1 alpha-2 code');
  else if (abroad === true && country === HOME_COUNTRY)
    issue('country', `expected the host country abroad, not ${HOME_COUNTRY}`);
  else if (abroad === false && country !== HOME_COUNTRY)
    issue('country', `expected ${HOME_COUNTRY} for a precinct at home`);
  issue('address', textIssue(row['address'] ?? '', 1, 300));
  // an empty cell or no column: the home country's zone, as before precincts carried one
  const timeZone = row['time_zone'] || HOME_TIME_ZONE;
  const zone = timeZoneFormat.safeParse(timeZone);
  issue('time_zone', zone.success ? null : (zone.error.issues[0]?.message ?? 'expected an IANA time zone'));
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      precinctId: code,
      regionCode: region,
      regionName: row['region_name'] as string,
      districtCode: district,
      districtName: row['district_name'] as string,
      abroad: abroad as boolean,
      country,
      address: row['address'] as string,
      timeZone,
    },
  };
}
