import type { PrecinctRegisteredPayload } from '../voter-roll/precinct-registered';

/** A precinct at home in Bishkek's Lenin district (district 1101), keeping the home country's hours. */
export function homePrecinctPayload(
  precinctId = '1101-001',
  overrides: Partial<PrecinctRegisteredPayload> = {},
): PrecinctRegisteredPayload {
  return {
    precinctId,
    regionCode: precinctId.slice(0, 2),
    regionName: 'Bishkek',
    districtCode: precinctId.slice(0, 4),
    districtName: 'Lenin district',
    abroad: false,
    country: 'KG',
    address: `Polling station ${precinctId}`,
    timeZone: 'Asia/Bishkek',
    ...overrides,
  };
}

/** A consular precinct (region 99) in its host city's zone: Moscow, Seoul, ... */
export function abroadPrecinctPayload(
  precinctId: string,
  host: { readonly country: string; readonly city: string; readonly timeZone: string },
): PrecinctRegisteredPayload {
  return {
    precinctId,
    regionCode: '99',
    regionName: 'Abroad',
    districtCode: precinctId.slice(0, 4),
    districtName: 'Consular precincts',
    abroad: true,
    country: host.country,
    address: `Embassy of the Kyrgyz Republic, ${host.city}`,
    timeZone: host.timeZone,
  };
}
