import type { Sex } from './kyrgyz-names';

/** One row of precincts.csv (docs/civil-registry-csv.md). */
export interface PrecinctRow {
  readonly precinctCode: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly districtCode: string;
  readonly districtName: string;
  readonly abroad: boolean;
  /** ISO 3166-1 alpha-2: KG at home, the host country abroad. */
  readonly country: string;
  readonly address: string;
  /** IANA zone of the precinct's polling hours: Asia/Bishkek at home, the host city's abroad. */
  readonly timeZone: string;
}

/** One row of civil-registry.csv. */
export interface CitizenRow {
  readonly personalNumber: string;
  readonly surname: string;
  readonly givenName: string;
  readonly patronymic: string;
  /** YYYY-MM-DD, the same date as inside the personal number. */
  readonly birthDate: string;
  readonly sex: Sex;
  readonly residencePrecinct: string;
  readonly declaredIncapable: boolean;
  readonly inCustody: boolean;
  readonly registeredDisability: boolean;
}

export type CommissionPosition = 'chair' | 'deputy-chair' | 'secretary' | 'member';

/** One row of commission-members.csv. */
export interface CommissionMemberRow {
  readonly precinctCode: string;
  readonly personalNumber: string;
  readonly position: CommissionPosition;
}

/**
 * What generateCountry yields, in this order: every precinct, then per precinct its residents followed by
 * its commission members.
 */
export type CountryRow =
  | { readonly kind: 'precinct'; readonly row: PrecinctRow }
  | { readonly kind: 'citizen'; readonly row: CitizenRow }
  | { readonly kind: 'commission-member'; readonly row: CommissionMemberRow };
